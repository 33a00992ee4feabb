#include "testing/temp_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace wp::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/wp-test-XXXXXX";
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path SourceDir() {
  const char* s = std::getenv("WP_SOURCE_DIR");
  return s ? std::filesystem::path(s) : std::filesystem::current_path();
}

std::filesystem::path GeoDir() { return SourceDir() / "share" / "geo"; }

std::filesystem::path TestDataDir(const std::string& feature_folder) {
  return SourceDir() / "src" / "features" / feature_folder / "testdata";
}

}  // namespace wp::testing
