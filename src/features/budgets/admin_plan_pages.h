// Staff pages of an edition's plans (/beheer/wijkbudget/{slug}/plannen):
// all plans, and per plan what officials and experts do: send back with
// tips, propose a merge, review feasibility, add implementation milestones.
// Thread-safe.
#pragma once

#include <functional>

#include "core/web/web.h"
#include "features/budgets/page_data.h"

namespace wp::budgets {

class AdminPlanPages {
 public:
  explicit AdminPlanPages(PageDeps deps) : d_(std::move(deps)) {}

  Result<http::Response> PlanList(web::Context& ctx);      // GET  /beheer/wijkbudget/{slug}/plannen
  Result<http::Response> PlanPage(web::Context& ctx);      // GET  .../plannen/{id}
  Result<http::Response> SendBack(web::Context& ctx);      // POST .../plannen/{id}/terugsturen
  Result<http::Response> ProposeMerge(web::Context& ctx);  // POST .../plannen/{id}/samenvoegen
  Result<http::Response> Review(web::Context& ctx);        // POST .../plannen/{id}/beoordelen
  Result<http::Response> AddMilestone(web::Context& ctx);  // POST .../plannen/{id}/mijlpaal

 private:
  Result<Edition> FindEdition(const web::Context& ctx);
  // The plan's staff page; the fields of `error` are shown on its forms,
  // with the values the form sent.
  Result<http::Response> ShowPlan(web::Context& ctx, const Edition& e, int64_t plan_id, const Error* error);
  // Runs a staff action on the plan: its field errors show the page again,
  // success goes back to it with `flash_key`.
  Result<http::Response> Act(web::Context& ctx, const char* flash_key,
                             const std::function<Result<void>(const Edition&, int64_t)>& action);

  PageDeps d_;
};

}  // namespace wp::budgets
