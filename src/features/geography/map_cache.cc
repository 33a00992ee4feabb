#include "features/geography/map_cache.h"

namespace wp::geography {

std::shared_ptr<const std::string> MapCache::Get(const std::shared_ptr<const Municipality>& m, const std::string& key,
                                                 const std::function<std::string()>& render) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    // A live weak_ptr equal to `m` is the same object; an expired one cannot
    // be mistaken for a new municipality at the same address.
    if (municipality_.lock() != m) {
      maps_.clear();
      municipality_ = m;
    }
    if (auto it = maps_.find(key); it != maps_.end()) return it->second;
  }
  auto map = std::make_shared<const std::string>(render());
  std::lock_guard<std::mutex> lock(mu_);
  // Kept only when the geography did not change while rendering.
  if (municipality_.lock() == m) maps_.try_emplace(key, map);
  return map;
}

size_t MapCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return maps_.size();
}

}  // namespace wp::geography
