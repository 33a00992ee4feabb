// The officials' codes page of an edition: the counts, the address list
// (import, its report, erasure), the runs and the print files. Each handler
// is a named function of the request context; the edition's managers only
// (CodeCommands::ManagedEdition). Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/codes/commands.h"

namespace wp::codes {

class OverviewPages {
 public:
  OverviewPages(const web::Web& web, CodeCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> Show(web::Context& ctx);             // GET  /beheer/wijkbudget/{slug}/stemcodes
  Result<http::Response> ImportAddresses(web::Context& ctx);  // POST .../stemcodes/adressen
  Result<http::Response> ImportReport(web::Context& ctx);     // GET  .../stemcodes/adressen/{id}
  Result<http::Response> EraseAddresses(web::Context& ctx);   // POST .../stemcodes/wissen

 private:
  // The page, with the errors of a refused form (nullptr: none).
  Result<http::Response> ShowOverview(web::Context& ctx, const budgets::Edition& e, const Error* error);

  const web::Web& web_;
  CodeCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::codes
