#include "features/challenges/public_pages.h"

#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/challenges/challenge_view.h"
#include "features/challenges/overview_page.h"

namespace wp::challenges {

namespace {

using nlohmann::json;
using web::Context;

std::vector<FieldError> ErrorsOf(const std::string& form, const std::string& which, const Error* error) {
  return error && form == which ? error->fields : std::vector<FieldError>{};
}

// The officials' gate-check form.
json CheckForm(const Context& ctx, const std::string& form, const Error* error) {
  web::FormView view(ctx, ErrorsOf(form, "check", error));
  view.Label("criterion", "challenges.gate.criterion");
  view.Label("met", "challenges.gate.result");
  bool again = error && form == "check";
  view.Field({.name = "reason",
              .label_key = "challenges.field.reason",
              .value = again ? ctx.form.Get("reason") : "",
              .textarea = true,
              .rows = 3});
  json data;
  view.AppendTo(data);
  std::vector<std::pair<std::string, std::string>> criteria;
  for (Criterion c : kAllCriteria) {
    std::string name(CriterionName(c));
    criteria.push_back({name, ctx.T("challenges.criterion." + name)});
  }
  data["criteria"] = Options(criteria, again ? ctx.form.Get("criterion") : "");
  data["results"] = Options({{"yes", ctx.T("challenges.check.met")}, {"no", ctx.T("challenges.check.not_met")}},
                            again ? ctx.form.Get("met") : "");
  data["criterion_error"] = view.ErrorFor("criterion");
  data["met_error"] = view.ErrorFor("met");
  return data;
}

// The officials' go/no-go form for the moment of the challenge's stage.
json DecisionForm(const Context& ctx, Moment moment, const std::string& form, const Error* error) {
  web::FormView view(ctx, ErrorsOf(form, "decision", error));
  view.Label("decision", "challenges.decisions.decision");
  bool again = error && form == "decision";
  view.Field({.name = "reasons",
              .label_key = "challenges.field.reasons",
              .value = again ? ctx.form.Get("reasons") : "",
              .textarea = true,
              .rows = 4});
  json data;
  view.AppendTo(data);
  data["moment"] = std::string(MomentName(moment));
  data["heading"] = ctx.T("challenges.decisions.heading",
                          {{"moment", ctx.T("challenges.moment." + std::string(MomentName(moment)))}});
  data["choices"] = Options({{"go", ctx.T("challenges.decision.go")}, {"no_go", ctx.T("challenges.decision.no_go")}},
                            again ? ctx.form.Get("decision") : "");
  data["decision_error"] = view.ErrorFor("decision");
  return data;
}

// The contact person's monitoring report form.
json ReportForm(const Context& ctx, const std::string& form, const Error* error) {
  web::FormView view(ctx, ErrorsOf(form, "report", error));
  bool again = error && form == "report";
  view.Field({.name = "period",
              .label_key = "challenges.field.period",
              .value = again ? ctx.form.Get("period") : "",
              .description_key = "challenges.field.period_hint"});
  view.Field({.name = "text",
              .label_key = "challenges.field.text",
              .value = again ? ctx.form.Get("text") : "",
              .textarea = true,
              .rows = 5});
  view.Field({.name = "spent",
              .label_key = "challenges.field.spent",
              .value = again ? ctx.form.Get("spent") : "",
              .inputmode = "decimal"});
  json data;
  view.AppendTo(data);
  return data;
}

}  // namespace

Result<http::Response> PublicPages::Index(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto list, commands_.All());
  json data = {{"challenges", ChallengesTable(ctx, list)},
               {"new", web::ActionLink(ctx.T("challenges.new.title"), kNewPath, web::ActionKind::kPrimary)}};
  if (ctx.user && IsOfficial(*ctx.user)) {
    data["overview"] = web::ActionLink(ctx.T("challenges.overview.title"), kOverviewPath);
  }
  return web_.Render(ctx, "challenges/index.html", "challenges.index.title", data);
}

Result<http::Response> PublicPages::ShowChallenge(Context& ctx, int64_t id, const std::string& form,
                                                  const Error* error) {
  WP_ASSIGN_OR_RETURN(ChallengeView v, commands_.View(id));
  const Challenge& c = v.challenge;
  std::string path = ChallengePath(id);
  json data = {{"title", c.task},
               {"status", StageBadge(ctx, c.stage)},
               {"stepper", StageStepper(ctx, c.stage)},
               {"stopped", c.stage == Stage::kStopped},
               {"facts", Facts(ctx, commands_, c)},
               {"gate", GateTable(ctx, commands_, v)},
               {"has_decisions", !v.decisions.empty()},
               {"decisions", DecisionsTable(ctx, commands_, v)},
               {"has_reports", !v.reports.empty()},
               {"reports", ReportsTable(ctx, commands_, v)},
               {"path", path},
               {"breadcrumb", web::Breadcrumb({{ctx.T("challenges.index.title"), kIndexPath}, {c.task, path}})}};
  if (v.business_case) data["business_case"] = BusinessCaseJson(ctx, *v.business_case);
  if (ReportSchedule s = commands_.ScheduleOf(v); s.state != ReportState::kNone) {
    data["report_due"] = ReportDueNotice(ctx, commands_, s);
  }
  if (c.stage == Stage::kAgreement || c.stage == Stage::kRunning) data["agreement_url"] = path + "/overeenkomst.pdf";
  if (AcceptsBusinessCase(c.stage) && UserCan(ctx, Action::kWriteBusinessCase, c)) {
    data["case_url"] = path + "/businesscase";
  }
  if (c.stage == Stage::kGate && UserCan(ctx, Action::kCheck, c)) data["check"] = CheckForm(ctx, form, error);
  if (auto moment = MomentOf(c.stage); moment && UserCan(ctx, Action::kDecide, c)) {
    data["decision"] = DecisionForm(ctx, *moment, form, error);
  }
  if (AcceptsReports(c.stage) && UserCan(ctx, Action::kReport, c)) data["report"] = ReportForm(ctx, form, error);
  return web_.Render(ctx, "challenges/challenge.html", "challenges.challenge.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowChallenge(ctx, id, "", nullptr);
}

Result<http::Response> PublicPages::Agreement(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(std::string pdf, commands_.AgreementPdf(id, ctx.locale));
  http::Response r;
  r.headers.Set("Content-Type", "application/pdf");
  r.headers.Set("Content-Disposition",
                "attachment; filename=\"samenwerkingsovereenkomst-" + std::to_string(id) + ".pdf\"");
  r.body = std::move(pdf);
  return r;
}

}  // namespace wp::challenges
