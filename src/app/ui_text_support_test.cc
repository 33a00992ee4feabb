#include "app/ui_text_support_test.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "app/app.h"
#include "testing/temp_dir.h"

namespace wp::app {

const i18n::Catalog& AppCatalog() {
  static testing::TempDir dir;  // outlives `app` (destroyed in reverse order)
  static std::unique_ptr<App> app = [] {
    Config config;
    config.database_url = "sqlite:" + dir.File("wijkplatform.db");
    config.geo_dir = "";  // no geography: only the catalogs matter here
    config.upload_dir = dir.File("uploads");
    config.voting_key_file = dir.File("voting.key");
    config.print_dir = dir.File("print");
    auto created = App::Create(config, AppOverrides{.quiet = true});
    if (!created.has_value()) {
      ADD_FAILURE() << "the app does not start: " << created.error().detail;
      return std::unique_ptr<App>();
    }
    return std::move(*created);
  }();
  static const i18n::Catalog kEmpty;
  return app ? app->catalog() : kEmpty;
}

std::vector<SourceFile> SourceFiles(const std::function<bool(const std::string& path)>& wanted) {
  namespace fs = std::filesystem;
  std::vector<SourceFile> out;
  fs::path root = testing::SourceDir();
  if (!fs::is_directory(root / "src" / "features")) {
    ADD_FAILURE() << "no source tree at " << root << " (set WP_SOURCE_DIR)";
    return out;
  }
  for (const auto& entry : fs::recursive_directory_iterator(root / "src")) {
    if (!entry.is_regular_file()) continue;
    std::string rel = fs::relative(entry.path(), root).generic_string();
    if (!wanted(rel)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back({rel, text.str()});
  }
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

std::vector<Literal> StringLiterals(const std::string& code) {
  std::vector<Literal> out;
  int line = 1;
  size_t i = 0;
  auto advance = [&](size_t to) {
    for (; i < to && i < code.size(); ++i) {
      if (code[i] == '\n') ++line;
    }
  };
  while (i < code.size()) {
    char c = code[i];
    if (c == '/' && i + 1 < code.size() && code[i + 1] == '/') {
      size_t end = code.find('\n', i);
      advance(end == std::string::npos ? code.size() : end);
    } else if (c == '/' && i + 1 < code.size() && code[i + 1] == '*') {
      size_t end = code.find("*/", i + 2);
      advance(end == std::string::npos ? code.size() : end + 2);
    } else if (c == '\'') {
      // A character literal, or a digit separator (1'000): skip to the closing quote on this line.
      bool digit_separator = i > 0 && std::isalnum(static_cast<unsigned char>(code[i - 1]));
      if (digit_separator) {
        advance(i + 1);
        continue;
      }
      size_t j = i + 1;
      while (j < code.size() && code[j] != '\'' && code[j] != '\n') j += code[j] == '\\' ? 2 : 1;
      advance(j + 1);
    } else if (c == 'R' && i + 1 < code.size() && code[i + 1] == '"' &&
               (i == 0 || !std::isalnum(static_cast<unsigned char>(code[i - 1])))) {
      size_t open = code.find('(', i + 2);
      std::string delim = ")" + code.substr(i + 2, open - i - 2) + "\"";
      size_t close = code.find(delim, open);
      if (open == std::string::npos || close == std::string::npos) break;
      out.push_back({code.substr(open + 1, close - open - 1), i, line});
      advance(close + delim.size());
    } else if (c == '"') {
      Literal lit{"", i, line};
      size_t j = i + 1;
      while (j < code.size() && code[j] != '"') {
        if (code[j] == '\\' && j + 1 < code.size()) {
          char e = code[j + 1];
          lit.text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          j += 2;
        } else {
          lit.text += code[j++];
        }
      }
      out.push_back(std::move(lit));
      advance(j + 1);
    } else {
      advance(i + 1);
    }
  }
  return out;
}

std::string RenderSample(const i18n::Message& message, std::string_view locale, int64_t n) {
  std::set<std::string> plural_args;
  for (const auto& p : message.Plurals()) plural_args.insert(p.argument);
  i18n::ArgLookup lookup = [&](std::string_view name) -> std::optional<i18n::Arg> {
    if (plural_args.count(std::string(name))) return i18n::Arg(n);
    return i18n::Arg("Tekst");
  };
  return message.Format(locale, lookup);
}

}  // namespace wp::app
