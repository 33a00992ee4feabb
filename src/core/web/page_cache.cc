#include "core/web/page_cache.h"

#include <algorithm>
#include <vector>

namespace wp::web {

namespace {

size_t SizeOf(const std::string& key, const http::Response& r) {
  size_t n = key.size() + r.body.size() + 64;
  for (const auto& [name, value] : r.headers.All()) n += name.size() + value.size() + 16;
  return n;
}

}  // namespace

bool PageCache::Fresh(const Entry& e, int64_t now_ms, uint64_t generation) const {
  // A clock that went back (or a fake clock moved to an earlier time) makes
  // the entry stale too.
  return e.generation == generation && now_ms >= e.stored_ms && now_ms - e.stored_ms < options_.max_age_ms;
}

std::optional<http::Response> PageCache::Get(const std::string& key, int64_t now_ms, uint64_t generation) {
  if (!enabled()) return std::nullopt;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++counts_.misses;
    return std::nullopt;
  }
  if (!Fresh(it->second, now_ms, generation)) {
    bytes_ -= it->second.bytes;
    entries_.erase(it);
    ++counts_.misses;
    return std::nullopt;
  }
  ++counts_.hits;
  return it->second.response;
}

void PageCache::MakeRoom(size_t bytes, int64_t now_ms, uint64_t generation) {
  if (bytes_ + bytes <= options_.max_bytes) return;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (Fresh(it->second, now_ms, generation)) {
      ++it;
    } else {
      bytes_ -= it->second.bytes;
      it = entries_.erase(it);
    }
  }
  if (bytes_ + bytes <= options_.max_bytes) return;
  // Still full of fresh pages: the oldest go until the new one fits.
  std::vector<std::pair<int64_t, std::string>> by_age;
  by_age.reserve(entries_.size());
  for (const auto& [k, e] : entries_) by_age.emplace_back(e.stored_ms, k);
  std::sort(by_age.begin(), by_age.end());
  for (const auto& [stored, k] : by_age) {
    if (bytes_ + bytes <= options_.max_bytes) break;
    auto it = entries_.find(k);
    bytes_ -= it->second.bytes;
    entries_.erase(it);
  }
}

void PageCache::Put(const std::string& key, const http::Response& response, int64_t now_ms, uint64_t generation) {
  if (!enabled()) return;
  const size_t bytes = SizeOf(key, response);
  if (bytes > options_.max_bytes / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= it->second.bytes;
    entries_.erase(it);
  }
  MakeRoom(bytes, now_ms, generation);
  entries_.emplace(key, Entry{response, now_ms, generation, bytes});
  bytes_ += bytes;
  ++counts_.stores;
}

PageCacheStats PageCache::Stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  PageCacheStats s = counts_;
  s.entries = entries_.size();
  s.bytes = bytes_;
  return s;
}

}  // namespace wp::web
