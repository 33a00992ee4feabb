// Build-time tool: writes the one stylesheet pages load. It keeps only the NL
// Design System rules whose classes the sources can produce and only the
// design tokens those rules read (css_prune.h), then appends ours (minified,
// every rule kept).
//
// Usage: wp_css_tool OUT_CSS TOKENS_CSS COMPONENTS_CSS OURS_CSS SOURCE_DIR...
// Every *.html, *.cc and *.h under SOURCE_DIR (except *_test.cc) is scanned
// for class names. Writes OUT_CSS and its precompressed forms OUT_CSS.gz
// (zlib) and OUT_CSS.br (libbrotli), served by content negotiation.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "compress.h"
#include "css_prune.h"

namespace fs = std::filesystem;

namespace {

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << data;
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsSource(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.size() > 8 && name.compare(name.size() - 8, 8, "_test.cc") == 0) return false;
  auto ext = p.extension();
  return ext == ".html" || ext == ".cc" || ext == ".h";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: wp_css_tool OUT_CSS TOKENS_CSS COMPONENTS_CSS OURS_CSS SOURCE_DIR...\n";
    return 2;
  }
  try {
    wp::css::UsedClasses used;
    int files = 0;
    for (int i = 5; i < argc; ++i) {
      for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
        if (!entry.is_regular_file() || !IsSource(entry.path())) continue;
        wp::css::CollectClasses(ReadFile(entry.path()), used);
        ++files;
      }
    }
    wp::css::PruneStats stats;
    std::string components = wp::css::PruneRules(ReadFile(argv[3]), used, &stats);
    std::string ours = wp::css::Minify(ReadFile(argv[4]));  // ours is kept whole
    std::string tokens = wp::css::PruneCustomProperties(ReadFile(argv[2]), components + ours, &stats);
    std::string out =
        "@charset \"UTF-8\";\n"
        "/* NL Design System CSS (@utrecht/design-tokens, @utrecht/component-library-css): EUPL-1.2, "
        "Gemeente Utrecht and Frameless B.V.; only the rules and tokens these pages use. */\n" +
        tokens + components + ours;
    std::string gzip = wp::css::Gzip(out);
    std::string brotli = wp::css::Brotli(out);
    WriteFile(argv[1], out);
    WriteFile(std::string(argv[1]) + ".gz", gzip);
    WriteFile(std::string(argv[1]) + ".br", brotli);
    std::cout << "wp_css_tool: " << files << " sources, " << used.names.size() << " classes, " << used.prefixes.size()
              << " prefixes; rules kept " << stats.rules_kept << ", dropped " << stats.rules_dropped << "; tokens kept "
              << stats.properties_kept << ", dropped " << stats.properties_dropped << "; " << out.size()
              << " bytes, gzip " << gzip.size() << ", brotli " << brotli.size() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "wp_css_tool: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
