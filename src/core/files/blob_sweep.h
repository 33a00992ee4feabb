// Removing documents no row refers to any more. An upload stores its bytes
// first and then commits the row that names them, so a failed or abandoned
// upload (a refused form, a lost connection, a process that died between the
// two) can leave a file behind. The sweep finds such files and deletes them,
// safely while other processes upload at the same time:
//
//  - a file younger than the grace period is never touched (the row of an
//    upload in progress may not be committed yet); storing bytes that are
//    already there makes their file young again (BlobStore::Put);
//  - a candidate is first moved aside (an atomic rename), then checked once
//    more: if it became young meanwhile or a row now names it, it is moved
//    back; only then is it deleted. An upload that starts after the move finds
//    no file and writes a new one.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string_view>

#include "core/files/blob_store.h"
#include "core/result.h"

namespace wp::files {

// Whether any row names the document `sha256` (asked of the database).
using IsReferenced = std::function<Result<bool>(std::string_view sha256)>;

struct SweepOptions {
  std::chrono::seconds grace{std::chrono::hours(24)};
};

struct SweepReport {
  int files = 0;       // documents in the store
  int young = 0;       // kept: younger than the grace period
  int referenced = 0;  // kept: a row names them
  int removed = 0;
  int64_t bytes_removed = 0;
};

Result<SweepReport> SweepUnreferenced(const BlobStore& store, const IsReferenced& is_referenced,
                                      SweepOptions options = {});

}  // namespace wp::files
