#include "features/voting/official_pages.h"

#include <set>

#include "core/http/error_response.h"
#include "core/i18n/catalog.h"
#include "core/time/format.h"
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

json PendingTable(const Context& ctx, const budgets::Edition& e, const std::vector<codes::PendingAct>& acts,
                  const time::TimeZone& zone) {
  json rows = json::array();
  for (const auto& a : acts) {
    const std::string base = CountPath(e) + "/verzoeken/" + std::to_string(a.id);
    const bool own = ctx.user && a.asked_by && *a.asked_by == ctx.user->id;
    rows.push_back(
        {{"what", ctx.T("voting.four_eyes.act." + std::string(codes::RiskyActName(a.act)))},
         {"summary", a.summary},
         {"who", a.asked_by_name},
         {"when", time::FormatDateTime(zone, a.asked_at, ctx.locale)},
         {"own", own},
         {"confirm", own ? json(nullptr)
                         : web::ActionButton(ctx.T("voting.four_eyes.confirm"), base + "/bevestigen", ctx.csrf_token,
                                             web::ActionKind::kPrimary)},
         {"reject", own ? json(nullptr)
                        : web::ActionButton(ctx.T("voting.four_eyes.reject"), base + "/afwijzen", ctx.csrf_token)}});
  }
  return rows;
}

json AuditTable(const Context& ctx, const std::vector<codes::AuditEntry>& log, const time::TimeZone& zone) {
  if (log.empty()) return nullptr;
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& a : log) {
    rows.push_back({{time::FormatDateTime(zone, a.at, ctx.locale)},
                    {a.who},
                    {ctx.T("voting.four_eyes.event." + a.event)},
                    {ctx.T("voting.four_eyes.act." + std::string(codes::RiskyActName(a.act)))},
                    {a.summary}});
  }
  return web::Table(ctx.T("voting.audit.caption"),
                    {ctx.T("voting.audit.when"), ctx.T("voting.audit.who"), ctx.T("voting.audit.event"),
                     ctx.T("voting.audit.act"), ctx.T("voting.audit.summary")},
                    rows);
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
  // The ballot's rules are checked now; the code when a second official
  // confirms (issue #11 item 4). The waiting ballot is sealed: no one reads
  // the code or the choice from the database.
  WP_ASSIGN_OR_RETURN(auto plans, commands_.Plans(e));
  std::vector<PlanCost> costs;
  for (const auto& p : plans) costs.push_back({p.plan_id, p.cost_cents});
  BallotCheck check = CheckBallot(VotingCommands::RulesFor(e), costs, chosen);
  if (!check.ok()) {
    Error refused = FormInvalid(BallotErrors(VotingCommands::RulesFor(e), check));
    return ShowPaperForm(ctx, e, code, chosen, &refused);
  }
  WP_TRY_VOID(four_eyes_.Ask(*ctx.user, e, codes::RiskyAct::kPaperBallot, commands_.SealPaperBallot(code, chosen),
                             ctx.T("voting.four_eyes.paper_summary")));
  return web_.Redirect(ctx, PaperPath(e), web::Flash{"success", "voting.paper.asked"});
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
  WP_ASSIGN_OR_RETURN(auto pending, four_eyes_.Pending(e));
  WP_ASSIGN_OR_RETURN(auto log, four_eyes_.Log(e));
  data["pending"] = PendingTable(ctx, e, pending, zone_);
  data["has_pending"] = !pending.empty();
  data["audit"] = AuditTable(ctx, log, zone_);
  return web_.Render(ctx, "voting/count.html", "voting.count.title", data);
}

Result<http::Response> OfficialPages::Count(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.Require(Action::kCount, e, ctx.user));
  // The same rule the count applies when confirmed (VotingCommands::CountAndPublish), said at once.
  WP_ASSIGN_OR_RETURN(int64_t paper_waiting, four_eyes_.CountWaiting(e, codes::RiskyAct::kPaperBallot));
  if (paper_waiting > 0) return web_.Redirect(ctx, CountPath(e), web::Flash{"error", "voting.count.paper_waiting"});
  WP_TRY_VOID(
      four_eyes_.Ask(*ctx.user, e, codes::RiskyAct::kPublishCount, "", ctx.T("voting.four_eyes.count_summary")));
  return web_.Redirect(ctx, CountPath(e), web::Flash{"success", "voting.count.asked"});
}

Result<http::Response> OfficialPages::Confirm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.Require(Action::kViewCountPage, e, ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done = four_eyes_.Confirm(*ctx.user, e, id);
  if (!done.has_value()) {
    const Error& error = done.error();
    // The act was tried and refused (e.g. a paper ballot's code was used
    // online): the count page says why; the audit log says "failed".
    const std::string key = error.has_fields() ? error.fields.front().message_key : error.user_message_key;
    if (key.empty() || key.rfind("codes.four_eyes.", 0) == 0 || error.code == ErrorCode::kNotFound ||
        error.code == ErrorCode::kForbidden) {
      return error;  // nothing was tried: decided already, or not this official's to decide
    }
    return web_.Redirect(ctx, CountPath(e), web::Flash{"error", key});
  }
  if (done->act == codes::RiskyAct::kPublishCount) {
    return web_.Redirect(ctx, "/wijkbudget/" + e.slug + "/uitslag", web::Flash{"success", "voting.count.done"});
  }
  return web_.Redirect(ctx, CountPath(e), web::Flash{"success", "voting.four_eyes.confirmed"});
}

Result<http::Response> OfficialPages::Reject(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.VisibleEdition(ctx.Param("slug"), ctx.user));
  WP_TRY_VOID(commands_.Require(Action::kViewCountPage, e, ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(four_eyes_.Reject(*ctx.user, e, id));
  return web_.Redirect(ctx, CountPath(e), web::Flash{"success", "voting.four_eyes.rejected"});
}

}  // namespace wp::voting
