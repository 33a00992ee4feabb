// The municipality's overview of every wijkplatform with its status, members
// and subsidy per year (/beheer/wijkplatforms), for administrators,
// gebiedsverbinders and municipal experts (CanSeeMunicipalOverview).
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

class AdminPages {
 public:
  AdminPages(const web::Web& web, PlatformCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Overview(web::Context& ctx);  // GET /beheer/wijkplatforms

 private:
  const web::Web& web_;
  PlatformCommands& commands_;
};

}  // namespace wp::platforms
