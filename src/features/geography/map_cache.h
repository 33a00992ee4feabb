// MapCache: rendered SVG maps of the current municipality, kept until the
// geography changes (a new import or load gives a new Municipality object,
// and the first request for it drops the maps of the old one). Keys are the
// caller's (e.g. "wijk/WK039201/nl"); only build them from areas that exist,
// so the cache stays as small as the geography. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "features/geography/geography.h"

namespace wp::geography {

class MapCache {
 public:
  // The map stored under `key` for municipality `m`; calls `render` (outside
  // the lock) and keeps its result when there is none yet.
  std::shared_ptr<const std::string> Get(const std::shared_ptr<const Municipality>& m, const std::string& key,
                                         const std::function<std::string()>& render);
  // How many maps are kept now.
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::weak_ptr<const Municipality> municipality_;  // the maps below are of this one
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> maps_;
};

}  // namespace wp::geography
