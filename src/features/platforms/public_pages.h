// Public pages of wijkplatforms: the overview of every wijk and platform,
// the page of one platform (where to go with questions, werkgroepen,
// spreekuren, kernteam, joining, e-mail choices, the area on a map), and the
// platform section of geography's wijk page. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/platforms/commands.h"
#include "features/platforms/directory.h"

namespace wp::platforms {

class PublicPages {
 public:
  // `directory` gives the sections other features add to a platform's page.
  PublicPages(const web::Web& web, PlatformCommands& commands, const PlatformDirectory& directory,
              const time::TimeZone& zone)
      : web_(web), commands_(commands), directory_(directory), zone_(zone) {}

  Result<http::Response> Overview(web::Context& ctx);  // GET /wijkplatforms
  Result<http::Response> Show(web::Context& ctx);      // GET /wijkplatform/{slug}

  // The wijk page's section (geography::GeographyService::AddDistrictSection):
  // the active platforms of wijk `district_code`, or how to start one.
  std::string DistrictSection(std::string_view district_code, std::string_view locale) const;

 private:
  const web::Web& web_;
  PlatformCommands& commands_;
  const PlatformDirectory& directory_;
  const time::TimeZone& zone_;
};

}  // namespace wp::platforms
