// A resident's pages of a plan: the plan page (likes, merge proposals to
// answer, progress of a funded plan), submitting and editing a plan with
// photos, withdrawing it, and the photos themselves. Thread-safe.
#pragma once

#include <functional>

#include "core/web/web.h"
#include "features/budgets/page_data.h"

namespace wp::budgets {

class PlanPages {
 public:
  explicit PlanPages(PageDeps deps) : d_(std::move(deps)) {}

  Result<http::Response> Show(web::Context& ctx);          // GET  /wijkbudget/{slug}/plannen/{id}
  Result<http::Response> NewForm(web::Context& ctx);       // GET  /wijkbudget/{slug}/plannen/nieuw
  Result<http::Response> Submit(web::Context& ctx);        // POST /wijkbudget/{slug}/plannen/nieuw
  Result<http::Response> EditForm(web::Context& ctx);      // GET  .../plannen/{id}/bewerken
  Result<http::Response> Edit(web::Context& ctx);          // POST .../plannen/{id}/bewerken
  Result<http::Response> Withdraw(web::Context& ctx);      // POST .../plannen/{id}/intrekken
  Result<http::Response> Like(web::Context& ctx);          // POST .../plannen/{id}/like
  Result<http::Response> Unlike(web::Context& ctx);        // POST .../plannen/{id}/like-intrekken
  Result<http::Response> AnswerMerge(web::Context& ctx);   // POST .../plannen/{id}/samenvoegen/{merge}
  Result<http::Response> PostProgress(web::Context& ctx);  // POST .../plannen/{id}/voortgang
  // GET .../plannen/{id}/foto/{name}: a file, not a page (no session, may be
  // cached): the photo with its checked type and nosniff, or a plain 404.
  http::Response Photo(http::Request& req);

 private:
  Result<Edition> FindEdition(const web::Context& ctx);
  // The plan page, with the progress form's errors when `error` has fields.
  Result<http::Response> ShowPlan(web::Context& ctx, const Edition& e, int64_t plan_id, const Error* error);
  Result<http::Response> ShowForm(web::Context& ctx, const Edition& e, const PlanDetails* existing, const PlanInput& in,
                                  const Error* error);
  // Runs one of the plan's small actions, then goes back to the plan page
  // (or to the local page in the form's "next") with `flash_key`.
  Result<http::Response> Act(web::Context& ctx, const char* flash_key,
                             const std::function<Result<void>(const Edition&, int64_t)>& action);

  PageDeps d_;
};

}  // namespace wp::budgets
