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

// Directory of the source tree (WP_SOURCE_DIR, set by CTest) and of ../shared.
std::filesystem::path SourceDir();
std::filesystem::path SharedDir();

}  // namespace wp::testing
