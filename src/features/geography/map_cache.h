// MapCache: rendered SVG maps of the current municipality, kept until the
// geography changes (a new import or load gives a new Municipality object,
// and the first request for it drops the maps of the old one). Keys are the
// caller's (e.g. "wijk/WK039201/nl"); only build them from areas that exist,
// so the cache stays as small as the geography. Thread-safe.
// RenderedMapCache keeps whole rendered maps (SVG, classes and frame), for
// pages that draw their own markers on a kept map (WithMarkers).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "features/geography/geography.h"
#include "features/geography/map_svg.h"

namespace wp::geography {

template <typename T>
class BasicMapCache {
 public:
  // The map stored under `key` for municipality `m`; calls `render` (outside
  // the lock) and keeps its result when there is none yet.
  std::shared_ptr<const T> Get(const std::shared_ptr<const Municipality>& m, const std::string& key,
                               const std::function<T()>& render) {
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
    auto map = std::make_shared<const T>(render());
    std::lock_guard<std::mutex> lock(mu_);
    // Kept only when the geography did not change while rendering.
    if (municipality_.lock() == m) maps_.try_emplace(key, map);
    return map;
  }
  // How many maps are kept now.
  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return maps_.size();
  }

 private:
  mutable std::mutex mu_;
  std::weak_ptr<const Municipality> municipality_;  // the maps below are of this one
  std::map<std::string, std::shared_ptr<const T>, std::less<>> maps_;
};

using MapCache = BasicMapCache<std::string>;
using RenderedMapCache = BasicMapCache<RenderedMap>;

}  // namespace wp::geography
