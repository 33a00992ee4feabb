#include "core/files/blob_sweep.h"

#include <random>
#include <string>
#include <vector>

namespace wp::files {

namespace {

namespace fs = std::filesystem;

bool IsYoung(const fs::path& p, fs::file_time_type now, std::chrono::seconds grace, bool* gone) {
  std::error_code ec;
  fs::file_time_type t = fs::last_write_time(p, ec);
  *gone = static_cast<bool>(ec);
  return !ec && t > now - grace;
}

// Moves the file at `aside` back to `target`, unless an upload wrote a new
// copy there meanwhile (the same bytes), in which case the aside copy goes.
Result<void> PutBack(const fs::path& aside, const fs::path& target) {
  std::error_code ec;
  if (fs::exists(target, ec)) {
    fs::remove(aside, ec);
    return Ok();
  }
  fs::rename(aside, target, ec);
  if (ec) return Internal("cannot move " + aside.string() + " back: " + ec.message());
  return Ok();
}

}  // namespace

Result<SweepReport> SweepUnreferenced(const BlobStore& store, const IsReferenced& is_referenced, SweepOptions options) {
  SweepReport report;
  std::error_code ec;
  if (!fs::is_directory(store.dir(), ec)) return report;  // nothing stored yet
  // The names first, so the folders do not change under the iteration.
  std::vector<std::string> names;
  for (const auto& level : fs::directory_iterator(store.dir(), ec)) {
    std::string prefix = level.path().filename().string();
    if (prefix.size() != 2 || !level.is_directory()) continue;
    std::error_code inner;
    for (const auto& entry : fs::directory_iterator(level.path(), inner)) {
      std::string name = prefix + entry.path().filename().string();
      if (IsBlobName(name) && entry.is_regular_file()) names.push_back(std::move(name));
    }
  }
  if (ec) return Internal("cannot list " + store.dir().string() + ": " + ec.message());

  std::random_device rd;
  for (const std::string& sha : names) {
    ++report.files;
    fs::path target = store.dir() / sha.substr(0, 2) / sha.substr(2);
    const fs::file_time_type now = fs::file_time_type::clock::now();
    bool gone = false;
    if (IsYoung(target, now, options.grace, &gone)) {
      ++report.young;
      continue;
    }
    if (gone) continue;
    WP_ASSIGN_OR_RETURN(bool named, is_referenced(sha));
    if (named) {
      ++report.referenced;
      continue;
    }
    // Aside under a name that is not a document name (it starts with '.').
    fs::path aside = target.parent_path() / ("." + sha.substr(2, 14) + "." + std::to_string(rd()) + ".sweep");
    fs::rename(target, aside, ec);
    if (ec) continue;  // removed or replaced meanwhile
    if (IsYoung(aside, now, options.grace, &gone)) {  // an upload refreshed it just before the move
      WP_TRY_VOID(PutBack(aside, target));
      ++report.young;
      continue;
    }
    Result<bool> named_now = is_referenced(sha);
    if (!named_now.has_value() || *named_now) {
      WP_TRY_VOID(PutBack(aside, target));
      if (!named_now.has_value()) return named_now.error();
      ++report.referenced;
      continue;
    }
    std::uintmax_t size = fs::file_size(aside, ec);
    fs::remove(aside, ec);
    if (ec) return Internal("cannot remove " + aside.string() + ": " + ec.message());
    ++report.removed;
    report.bytes_removed += static_cast<int64_t>(size);
  }
  return report;
}

}  // namespace wp::files
