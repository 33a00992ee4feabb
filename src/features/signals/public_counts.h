#pragma once
// The counts above the public list of a wijk, a buurt or a platform's area
// ("1.234 meldingen, 56 open"), kept for a few seconds. Counting reads every
// public index entry of the area (thousands in a busy wijk) while a page of
// the list reads twenty, so under load the count was half the work of the
// page (bench/signals). A kept count is used only while the history of all
// signals has not grown (`version`: the newest signal event id, which every
// report, status change and merge writes) and for at most `max_age_seconds`,
// which bounds how late a count follows signals leaving the list with time
// and writes of other server processes that commit out of id order.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace wp::signals {

struct PublicCounts {
  int64_t total = 0;  // on the public list
  int64_t open = 0;   // of which still open
};

class PublicCountCache {
 public:
  explicit PublicCountCache(int64_t max_age_seconds = 10, size_t capacity = 4096)
      : max_age_seconds_(max_age_seconds), capacity_(capacity) {}

  // The counts kept for `key` when they were made at `version` at most
  // max_age_seconds before `now`.
  std::optional<PublicCounts> Get(const std::string& key, int64_t version, int64_t now) const;
  // Keeps counts made at `version` and `now`; forgets everything once
  // `capacity` areas are kept (areas are wijken and platforms: few).
  void Put(const std::string& key, int64_t version, int64_t now, PublicCounts counts);

 private:
  struct Entry {
    int64_t version = 0;
    int64_t made_at = 0;
    PublicCounts counts;
  };
  const int64_t max_age_seconds_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace wp::signals
