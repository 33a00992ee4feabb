// The recognition page of a platform (/wijkplatform/{slug}/status): the
// history of status decisions with their reasons, for the kernteam and the
// officials who review it, and the status change form for who may make one
// (recognition.h). Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

class RecognitionPages {
 public:
  RecognitionPages(const web::Web& web, PlatformCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> Status(web::Context& ctx);        // GET  /wijkplatform/{slug}/status
  Result<http::Response> ChangeStatus(web::Context& ctx);  // POST /wijkplatform/{slug}/status

 private:
  Result<http::Response> Show(web::Context& ctx, const Platform& p, const Error* error);

  const web::Web& web_;
  PlatformCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::platforms
