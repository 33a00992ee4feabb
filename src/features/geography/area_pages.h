// Pages anyone may open about the municipality's areas: the home page with
// the city map, a page per stadsdeel (with its gebiedsverbinder's contact)
// and per wijk (buurten, CBS figures, other features' sections). The SVG maps
// are rendered once per area and language and kept until the geography
// changes. Thread-safe.
#pragma once

#include <string>

#include "core/web/web.h"
#include "features/geography/commands.h"
#include "features/geography/map_cache.h"
#include "features/geography/map_svg.h"
#include "features/geography/service.h"

namespace wp::geography {

class AreaPages {
 public:
  AreaPages(const web::Web& web, GeographyService& geography, GeographyCommands& commands)
      : web_(web), geography_(geography), commands_(commands) {}

  Result<http::Response> Home(web::Context& ctx);          // GET /
  Result<http::Response> ShowBorough(web::Context& ctx);   // GET /stadsdeel/{slug}
  Result<http::Response> ShowDistrict(web::Context& ctx);  // GET /wijk/{code}: a CBS wijkcode or the wijk's slug

  // How many rendered maps are kept (for tests).
  size_t cached_maps_for_test() const { return maps_.size(); }

 private:
  // The map under `key` (built from an area that exists) for `m` in the
  // request's language, rendered by `render` the first time.
  std::string CachedMap(const web::Context& ctx, const std::shared_ptr<const Municipality>& m, const std::string& key,
                        const std::function<std::string()>& render);

  const web::Web& web_;
  GeographyService& geography_;
  GeographyCommands& commands_;
  MapCache maps_;
};

}  // namespace wp::geography
