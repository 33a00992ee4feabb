// TempDir: a fresh directory under $TMPDIR, removed with its contents on
// destruction. For tests.
#pragma once

#include <filesystem>
#include <string>

namespace wp::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Directory of the source tree (WP_SOURCE_DIR, set by CTest; else the
// working directory).
std::filesystem::path SourceDir();

// The Haarlem geography the product ships (share/geo).
std::filesystem::path GeoDir();

// A feature's test data: src/features/<feature_folder>/testdata, e.g.
// TestDataDir("budgets/counting").
std::filesystem::path TestDataDir(const std::string& feature_folder);

}  // namespace wp::testing
