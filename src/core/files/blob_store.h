// Documents kept outside the database: a content-addressed folder. A file's
// name is the SHA-256 of its bytes (two hex levels of folders, then the
// rest), so the same document is stored once, a name never changes meaning,
// and reading checks the bytes against their name. Rows in the database keep
// the hash; the bytes live here. Several processes (and machines, on a shared
// file system) may write at the same time: a file appears whole or not at
// all (written to a temporary name, flushed, then renamed).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace wp::files {

struct StoredBlob {
  std::string sha256;  // 64 lowercase hex digits
  int64_t size = 0;
};

class BlobStore {
 public:
  explicit BlobStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Stores `bytes` and returns its hash. When a file with the same hash is
  // there it is kept and only its modification time is set to now (the sweep
  // of unreferenced files spares young files). Empty input is refused.
  Result<StoredBlob> Put(std::string_view bytes) const;
  // The bytes stored under `sha256`: NotFound when there is none; Internal
  // when the file no longer matches its hash (damaged storage).
  Result<std::string> Get(std::string_view sha256) const;
  bool Has(std::string_view sha256) const;
  // Deletes the file (callers make sure no row refers to it any more).
  Result<void> Remove(std::string_view sha256) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path PathOf(std::string_view sha256) const;
  std::filesystem::path dir_;
};

// True for 64 lowercase hex digits (a name this store can have written).
bool IsBlobName(std::string_view sha256);

}  // namespace wp::files
