// Public pages of the dashboards: reach and topics per area for a year
// (/cijfers, /cijfers/stadsdeel/{slug}, /cijfers/wijk/{slug}, ?jaar=), and the
// outcomes (/cijfers/uitkomsten). Counts only, protected by suppression.h;
// every chart has the same numbers in a table. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/dashboards/figures.h"

namespace wp::dashboards {

class AreaPages {
 public:
  AreaPages(const web::Web& web, const DashboardFigures& figures) : web_(web), figures_(figures) {}

  Result<http::Response> City(web::Context& ctx);      // GET /cijfers
  Result<http::Response> Borough(web::Context& ctx);   // GET /cijfers/stadsdeel/{slug}
  Result<http::Response> District(web::Context& ctx);  // GET /cijfers/wijk/{slug}
  Result<http::Response> Outcomes(web::Context& ctx);  // GET /cijfers/uitkomsten

 private:
  const web::Web& web_;
  const DashboardFigures& figures_;
};

// The year asked for with ?jaar= (else the default year). Errors: kNotFound
// "dashboards.error.no_year" for text that is not a year.
Result<int> YearParam(const web::Context& ctx, const DashboardFigures& figures);
// The year in query parameter `name`, or `fallback` when it is absent or
// empty. Errors: as YearParam.
Result<int> YearQuery(const web::Context& ctx, std::string_view name, int fallback);

}  // namespace wp::dashboards
