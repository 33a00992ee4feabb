// A wijkplatform's participation page (/wijkplatform/{slug}/participatie):
// the municipality's projects in the platform's wijken, whether the platform
// gets an e-mail about new projects in its area, and the log of who turned
// that on or off. The platform's kernteam turns it on and off here (POST
// .../aanmelden and .../afmelden; 403 for others). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/participation/commands.h"

namespace wp::participation {

class PlatformPages {
 public:
  PlatformPages(const web::Web& web, ProjectCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Show(web::Context& ctx);         // GET  /wijkplatform/{slug}/participatie
  Result<http::Response> Subscribe(web::Context& ctx);    // POST /wijkplatform/{slug}/participatie/aanmelden
  Result<http::Response> Unsubscribe(web::Context& ctx);  // POST /wijkplatform/{slug}/participatie/afmelden

 private:
  Result<http::Response> Set(web::Context& ctx, bool on);

  const web::Web& web_;
  ProjectCommands& commands_;
};

}  // namespace wp::participation
