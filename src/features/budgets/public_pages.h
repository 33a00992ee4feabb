// Pages everyone may open: the list of Wijk aan Zet editions, an edition
// (its phases, what happens now, its facts, the funded plans) and the list
// of its plans with likes. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/budgets/page_data.h"

namespace wp::budgets {

class PublicPages {
 public:
  explicit PublicPages(PageDeps deps) : d_(std::move(deps)) {}

  Result<http::Response> EditionList(web::Context& ctx);  // GET /wijkbudget
  Result<http::Response> EditionPage(web::Context& ctx);  // GET /wijkbudget/{slug}
  Result<http::Response> PlanList(web::Context& ctx);     // GET /wijkbudget/{slug}/plannen[?thema=]

 private:
  // What the edition page offers in its phase: submit, like, vote, results.
  Result<nlohmann::json> PhaseAction(web::Context& ctx, const Edition& e, Phase phase);
  // A plan of the list: its card, likes and like button.
  Result<nlohmann::json> PlanItem(web::Context& ctx, const Edition& e, const Plan& p, Phase phase,
                                  const geography::Municipality& m);

  PageDeps d_;
};

}  // namespace wp::budgets
