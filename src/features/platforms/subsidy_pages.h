// The year subsidy page of a platform (/wijkplatform/{slug}/subsidie): the
// applications with their budget, spending and decisions; the kernteam
// applies, withdraws and reports spending, the gebiedsverbinder grants,
// refuses and settles (subsidy.h, permissions.h). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

class SubsidyPages {
 public:
  SubsidyPages(const web::Web& web, PlatformCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Subsidy(web::Context& ctx);  // GET  /wijkplatform/{slug}/subsidie
  Result<http::Response> Apply(web::Context& ctx);    // POST /wijkplatform/{slug}/subsidie
  // POST /wijkplatform/{slug}/subsidie/{id}/{step}: intrekken, toekennen,
  // afwijzen, verantwoorden or vaststellen.
  Result<http::Response> Step(web::Context& ctx);

 private:
  Result<http::Response> Show(web::Context& ctx, const Platform& p, const Error* error);

  const web::Web& web_;
  PlatformCommands& commands_;
};

}  // namespace wp::platforms
