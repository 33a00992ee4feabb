// PageCache: rendered public pages kept for anonymous visitors, so a page
// that did not change is not rendered again (#20: public pages at half of
// what nginx does with the same bytes).
//
// Only routes registered with PageOptions::public_cache use it, and only for
// a GET by a visitor who is not signed in and carries no flash message; the
// key is the request target and the language. A page is served from the
// cache while both hold:
//   - no write transaction of this process ended since its rendering began
//     (the database's WriteGeneration is the one it was rendered under), and
//   - it is younger than max_age_ms by the application clock (bounds what
//     other processes' writes and time-based content, like a phase that
//     ends at a given hour, can leave stale; 0 turns the cache off).
// A response is kept only when it is a 200 without cookies of its own and
// its body does not hold the visitor's CSRF or session token (Web checks).
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/http/message.h"

namespace wp::web {

struct PageCacheOptions {
  int64_t max_age_ms = 1000;
  size_t max_bytes = 32u << 20;  // bodies and keys together; full: oldest go first
};

struct PageCacheStats {
  uint64_t hits = 0;
  uint64_t misses = 0;  // looked up and not found, or found stale
  uint64_t stores = 0;
  size_t entries = 0;
  size_t bytes = 0;
};

class PageCache {
 public:
  explicit PageCache(PageCacheOptions options) : options_(options) {}

  bool enabled() const { return options_.max_age_ms > 0; }
  // The page stored under `key`, when it is still fresh at `now_ms` under
  // `generation` (see above); a stale one is dropped.
  std::optional<http::Response> Get(const std::string& key, int64_t now_ms, uint64_t generation);
  // Keeps `response`, rendered from reads that began under `generation` at
  // `now_ms`. A body larger than a quarter of max_bytes is not kept.
  void Put(const std::string& key, const http::Response& response, int64_t now_ms, uint64_t generation);
  PageCacheStats Stats() const;

 private:
  struct Entry {
    http::Response response;
    int64_t stored_ms = 0;
    uint64_t generation = 0;
    size_t bytes = 0;
  };
  bool Fresh(const Entry& e, int64_t now_ms, uint64_t generation) const;
  void MakeRoom(size_t bytes, int64_t now_ms, uint64_t generation);

  const PageCacheOptions options_;
  mutable std::mutex mu_;
  std::map<std::string, Entry, std::less<>> entries_;
  size_t bytes_ = 0;
  PageCacheStats counts_;
};

}  // namespace wp::web
