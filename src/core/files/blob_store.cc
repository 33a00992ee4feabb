#include "core/files/blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>

#include "core/strings.h"

namespace wp::files {

namespace {

namespace fs = std::filesystem;

// Writes all of `bytes` to `fd`, then flushes it to the disk.
bool WriteAllAndSync(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return ::fsync(fd) == 0;
}

void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string TemporaryName(const std::string& sha) {
  std::random_device rd;
  return "." + sha.substr(0, 16) + "." + std::to_string(::getpid()) + "." + std::to_string(rd()) + ".tmp";
}

}  // namespace

bool IsBlobName(std::string_view sha256) {
  if (sha256.size() != 64) return false;
  for (char c : sha256) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

fs::path BlobStore::PathOf(std::string_view sha256) const {
  std::string s(sha256);
  return dir_ / s.substr(0, 2) / s.substr(2);
}

bool BlobStore::Has(std::string_view sha256) const {
  std::error_code ec;
  return IsBlobName(sha256) && fs::is_regular_file(PathOf(sha256), ec);
}

Result<StoredBlob> BlobStore::Put(std::string_view bytes) const {
  if (bytes.empty()) return InvalidInput("an empty document is not stored");
  StoredBlob out{Sha256Hex(bytes), static_cast<int64_t>(bytes.size())};
  fs::path target = PathOf(out.sha256);
  std::error_code ec;
  if (Has(out.sha256)) {
    // Already there: make it young again, so the sweep of unreferenced files
    // (blob_sweep.h) leaves it alone until this upload's row is committed.
    // When that fails the sweep has just moved it aside: write it anew.
    fs::last_write_time(target, fs::file_time_type::clock::now(), ec);
    if (!ec) return out;
    ec.clear();
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Internal("cannot create " + target.parent_path().string() + ": " + ec.message());
  fs::path temp = target.parent_path() / TemporaryName(out.sha256);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return Internal("cannot write " + temp.string() + ": " + std::strerror(errno));
  bool written = WriteAllAndSync(fd, bytes);
  int saved = errno;
  ::close(fd);
  if (!written) {
    fs::remove(temp, ec);
    return Internal("cannot write " + temp.string() + ": " + std::strerror(saved));
  }
  // Another process may have stored the same bytes meanwhile: rename
  // replaces its file by an identical one, which is harmless.
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return Internal("cannot store " + target.string() + ": " + ec.message());
  }
  SyncDirectory(target.parent_path());
  return out;
}

Result<std::string> BlobStore::Get(std::string_view sha256) const {
  if (!IsBlobName(sha256)) return NotFound("not a document name");
  std::ifstream in(PathOf(sha256), std::ios::binary);
  if (!in) return NotFound("document " + std::string(sha256) + " is not in " + dir_.string());
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Internal("cannot read document " + std::string(sha256));
  if (Sha256Hex(bytes) != sha256) return Internal("document " + std::string(sha256) + " does not match its hash");
  return bytes;
}

Result<void> BlobStore::Remove(std::string_view sha256) const {
  if (!IsBlobName(sha256)) return NotFound("not a document name");
  std::error_code ec;
  fs::remove(PathOf(sha256), ec);
  if (ec) return Internal("cannot remove document " + std::string(sha256) + ": " + ec.message());
  return Ok();
}

}  // namespace wp::files
