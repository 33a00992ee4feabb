#include "features/voting/page_data.h"

#include "core/i18n/catalog.h"
#include "core/money.h"
#include "core/time/format.h"
#include "core/web/components.h"

namespace wp::voting {

using nlohmann::json;

std::string VotePath(const budgets::Edition& e) { return "/wijkbudget/" + e.slug + "/stemmen"; }

std::string AdminPath(const budgets::Edition& e) { return "/beheer/wijkbudget/" + e.slug; }

std::string Euros(const web::Context& ctx, int64_t cents) { return i18n::FormatMoney(Money{cents}, ctx.locale); }

json EditionData(const web::Context& ctx, const budgets::Edition& e, const time::TimeZone& zone) {
  json edition = {{"slug", e.slug},
                  {"title", e.title},
                  {"budget", Euros(ctx, e.budget_cents)},
                  {"split_budget", e.ballot_kind == budgets::BallotKind::kSplitBudget},
                  {"max_plans", e.max_plans},
                  {"vote_path", VotePath(e)}};
  if (e.min_spend_cents) edition["min_spend"] = Euros(ctx, *e.min_spend_cents);
  if (e.max_spend_cents) edition["max_spend"] = Euros(ctx, *e.max_spend_cents);
  return {{"edition", edition},
          {"budget", Euros(ctx, e.budget_cents)},
          {"max_plans", e.max_plans},
          {"min_spend", e.min_spend_cents ? Euros(ctx, *e.min_spend_cents) : ""},
          {"max_spend", e.max_spend_cents ? Euros(ctx, *e.max_spend_cents) : ""},
          // The last day of voting ("1 december 2026" when voting closes at midnight).
          {"close_date", time::FormatPeriodEnd(zone, e.dates.voting_close, ctx.locale)}};
}

json PlansData(const web::Context& ctx, const std::vector<budgets::BallotPlan>& plans,
               const std::set<int64_t>& chosen) {
  json list = json::array();
  for (const auto& p : plans) {
    list.push_back({{"id", p.plan_id},
                    {"title", p.title},
                    {"theme", p.theme},
                    {"summary", p.summary},
                    {"cost", Euros(ctx, p.cost_cents)},
                    {"checked", chosen.count(p.plan_id) > 0}});
  }
  return list;
}

json AdminTrail(const web::Context& ctx, const budgets::Edition& e, const std::string& title, const std::string& path) {
  return web::Breadcrumb(
      {{ctx.T("voting.breadcrumb.admin"), "/beheer/wijkbudget"}, {e.title, AdminPath(e)}, {title, path}});
}

}  // namespace wp::voting
