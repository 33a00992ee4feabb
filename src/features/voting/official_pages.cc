#include "features/voting/official_pages.h"

#include <set>

#include "core/http/error_response.h"
#include "core/i18n/catalog.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/voting/page_data.h"

namespace wp::voting {

namespace {

using nlohmann::json;
using web::Context;

std::string PaperPath(const budgets::Edition& e) { return AdminPath(e) + "/papier"; }
std::string CountPath(const budgets::Edition& e) { return AdminPath(e) + "/telling"; }

json TurnoutTable(const Context& ctx, const Turnout& t) {
  auto number = [&](int64_t n) { return web::Cell{i18n::FormatInteger(n, ctx.locale), "", true}; };
  return web::Table(ctx.T("voting.count.turnout"), {ctx.T("voting.count.what"), ctx.T("voting.count.number")},
                    {{{ctx.T("voting.count.online")}, number(t.used_online)},
                     {{ctx.T("voting.count.paper")}, number(t.used_on_paper)},
                     {{ctx.T("voting.count.ballots")}, number(t.ballots)}});
}

}  // namespace

Result<http::Response> OfficialPages::ShowPaperForm(Context& ctx, const budgets::Edition& e, const std::string& code,
                                                    const std::vector<int64_t>& chosen, const Error* error) {
  WP_ASSIGN_OR_RETURN(auto plans, commands_.Plans(e));
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("code", "voting.field.code").Label("plans", "voting.field.plans");
  json data = EditionData(ctx, e, zone_);
  data["breadcrumb"] = AdminTrail(ctx, e, ctx.T("voting.paper.title"), PaperPath(e));
  data["code"] = code;
  data["plans"] = PlansData(ctx, plans, std::set<int64_t>(chosen.begin(), chosen.end()));
  data["code_error"] = form.ErrorFor("code");
  data["plans_error"] = form.ErrorFor("plans");
  data["count_link"] = web::ActionLink(ctx.T("voting.count.title"), CountPath(e));
  form.AppendTo(data);
  return web_.Render(ctx, "voting/paper.html", "voting.paper.title", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::ShowPaper(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.Require(Action::kEnterPaper, e, ctx.user));
  return ShowPaperForm(ctx, e, "", {}, nullptr);
}

Result<http::Response> OfficialPages::EnterPaper(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.Require(Action::kEnterPaper, e, ctx.user));
  const std::string code = ctx.form.Get("code");
  const std::vector<int64_t> chosen =
      ParsePlanIds(ctx.form.GetAll("plan")).value_or(std::vector<int64_t>{0});  // 0: on no ballot
  if (code.empty()) {
    Error missing = FormInvalid({{"code", "voting.code.required"}});
    return ShowPaperForm(ctx, e, code, chosen, &missing);
  }
  auto cast = commands_.Cast(e, code, chosen, codes::Channel::kPaper, ctx.user, ctx.request->remote_addr);
  if (!cast.has_value()) {
    if (cast.error().has_fields()) return ShowPaperForm(ctx, e, code, chosen, &cast.error());
    return cast.error();
  }
  return web_.Redirect(ctx, PaperPath(e), web::Flash{"success", "voting.paper.done"});
}

Result<http::Response> OfficialPages::ShowCount(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.Require(Action::kViewCountPage, e, ctx.user));
  WP_ASSIGN_OR_RETURN(Turnout turnout, commands_.TurnoutOf(e));
  WP_ASSIGN_OR_RETURN(Decision d, commands_.Decide(Action::kCount, e, ctx.user));
  json data = EditionData(ctx, e, zone_);
  data["breadcrumb"] = AdminTrail(ctx, e, ctx.T("voting.count.title"), CountPath(e));
  data["turnout"] = TurnoutTable(ctx, turnout);
  data["can_count"] = d == Decision::kAllowed;
  data["reason"] = d == Decision::kAllowed ? "" : ctx.T(DecisionKey(d));
  data["results_link"] = d == Decision::kAlreadyCounted
                             ? web::ActionLink(ctx.T("voting.results.title"), "/wijkbudget/" + e.slug + "/uitslag")
                             : json(nullptr);
  data["paper_link"] = web::ActionLink(ctx.T("voting.paper.title"), PaperPath(e));
  return web_.Render(ctx, "voting/count.html", "voting.count.title", data);
}

Result<http::Response> OfficialPages::Count(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.CountAndPublish(*ctx.user, e));
  return web_.Redirect(ctx, "/wijkbudget/" + e.slug + "/uitslag", web::Flash{"success", "voting.count.done"});
}

}  // namespace wp::voting
