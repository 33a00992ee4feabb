#include "features/signals/public_counts.h"

namespace wp::signals {

std::optional<PublicCounts> PublicCountCache::Get(const std::string& key, int64_t version, int64_t now) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  // A clock that went back counts as too old as well.
  if (e.version != version || now < e.made_at || now - e.made_at > max_age_seconds_) return std::nullopt;
  return e.counts;
}

void PublicCountCache::Put(const std::string& key, int64_t version, int64_t now, PublicCounts counts) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
  entries_[key] = Entry{version, now, counts};
}

}  // namespace wp::signals
