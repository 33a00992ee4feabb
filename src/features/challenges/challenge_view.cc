#include "features/challenges/challenge_view.h"

#include "core/i18n/locale_rules.h"
#include "core/time/format.h"

namespace wp::challenges {

using nlohmann::json;

std::string ChallengePath(int64_t id) { return "/uitdaagrecht/" + std::to_string(id); }

bool UserCan(const web::Context& ctx, Action action, const Challenge& c) {
  return ctx.user && Can(*ctx.user, action, c);
}

namespace {

std::string Euros(const web::Context& ctx, int64_t cents) { return i18n::FormatMoney(Money{cents}, ctx.locale); }
std::string When(const web::Context& ctx, const ChallengeCommands& commands, int64_t at) {
  return time::FormatDate(commands.zone(), at, ctx.locale);
}

}  // namespace

json StageBadge(const web::Context& ctx, Stage s) {
  web::Tone tone = s == Stage::kRunning   ? web::Tone::kSuccess
                   : s == Stage::kStopped ? web::Tone::kNeutral
                                          : web::Tone::kInfo;
  return web::StatusBadge(ctx.T("challenges.stage." + std::string(StageName(s))), tone);
}

json StageStepper(const web::Context& ctx, Stage s) {
  std::vector<web::Step> steps;
  for (Stage step : {Stage::kGate, Stage::kBusinessCase, Stage::kAgreement, Stage::kRunning}) {
    steps.push_back({ctx.T("challenges.stage." + std::string(StageName(step))), ""});
  }
  int current = s == Stage::kStopped ? -1 : static_cast<int>(s);
  return web::PhaseStepper(steps, current);
}

json Facts(const web::Context& ctx, const ChallengeCommands& commands, const Challenge& c) {
  return web::SummaryList({{ctx.T("challenges.field.area"), c.area + " (" + commands.BoroughName(c.borough) + ")", ""},
                           {ctx.T("challenges.field.group_name"), c.group_name, ""},
                           {ctx.T("challenges.field.legal_entity"),
                            ctx.T(c.legal_entity ? "challenges.answer.yes" : "challenges.answer.no"), ""},
                           {ctx.T("challenges.field.estimate"), Euros(ctx, c.estimate_cents), ""},
                           {ctx.T("challenges.field.contact_name"), c.contact_name, ""},
                           {ctx.T("challenges.challenge.submitted_on"), When(ctx, commands, c.created_at), ""}});
}

json GateTable(const web::Context& ctx, const ChallengeCommands& commands, const ChallengeView& v) {
  bool entity = LegalEntityRequired(v.challenge.estimate_cents, commands.settings().legal_entity_threshold_cents);
  std::vector<std::vector<web::Cell>> rows;
  for (Criterion c : kAllCriteria) {
    std::string name = ctx.T("challenges.criterion." + std::string(CriterionName(c)));
    auto latest = LatestCheck(v.checks, c);
    if (!latest) {
      bool needed = c != Criterion::kLegalEntity || entity;
      rows.push_back({{name}, {ctx.T(needed ? "challenges.check.open" : "challenges.check.not_needed")}, {}, {}});
      continue;
    }
    rows.push_back({{name},
                    {ctx.T(latest->met ? "challenges.check.met" : "challenges.check.not_met")},
                    {latest->reason},
                    {latest->actor_name + ", " + When(ctx, commands, latest->at)}});
  }
  return web::Table(ctx.T("challenges.gate.caption"),
                    {ctx.T("challenges.gate.criterion"), ctx.T("challenges.gate.result"),
                     ctx.T("challenges.field.reason"), ctx.T("challenges.gate.by")},
                    rows);
}

json BusinessCaseJson(const web::Context& ctx, const BusinessCase& b) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& l : b.lines) rows.push_back({{l.description}, {Euros(ctx, l.amount_cents), "", true}});
  rows.push_back({{ctx.T("challenges.case.total")}, {Euros(ctx, b.total_cents()), "", true}});
  rows.push_back({{ctx.T("challenges.field.current_cost")}, {Euros(ctx, b.current_cost_cents), "", true}});
  return {{"table", web::Table(ctx.T("challenges.case.caption"),
                               {ctx.T("challenges.case.line"), ctx.T("challenges.case.amount")}, rows)},
          {"risks", b.risks},
          {"quality", b.quality},
          {"cheaper", b.total_cents() <= b.current_cost_cents}};
}

json DecisionsTable(const web::Context& ctx, const ChallengeCommands& commands, const ChallengeView& v) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& d : v.decisions) {
    rows.push_back({{When(ctx, commands, d.at)},
                    {ctx.T("challenges.moment." + std::string(MomentName(d.moment)))},
                    {ctx.T(d.go ? "challenges.decision.go" : "challenges.decision.no_go")},
                    {d.reasons},
                    {d.actor_name}});
  }
  return web::Table(
      ctx.T("challenges.decisions.caption"),
      {ctx.T("challenges.decisions.when"), ctx.T("challenges.decisions.moment"), ctx.T("challenges.decisions.decision"),
       ctx.T("challenges.field.reasons"), ctx.T("challenges.decisions.who")},
      rows);
}

json ReportsTable(const web::Context& ctx, const ChallengeCommands& commands, const ChallengeView& v) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& r : v.reports) {
    rows.push_back({{r.period}, {r.text}, {Euros(ctx, r.spent_cents), "", true}, {When(ctx, commands, r.at)}});
  }
  return web::Table(ctx.T("challenges.reports.caption"),
                    {ctx.T("challenges.field.period"), ctx.T("challenges.field.text"), ctx.T("challenges.field.spent"),
                     ctx.T("challenges.decisions.when")},
                    rows);
}

json ChallengesTable(const web::Context& ctx, const std::vector<Challenge>& list) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T("challenges.index.none"))}};
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& c : list) {
    rows.push_back({{c.task, ChallengePath(c.id)},
                    {c.group_name},
                    {c.area},
                    {ctx.T("challenges.stage." + std::string(StageName(c.stage)))}});
  }
  return {{"table", web::Table(ctx.T("challenges.index.caption"),
                               {ctx.T("challenges.field.task"), ctx.T("challenges.field.group_name"),
                                ctx.T("challenges.field.area"), ctx.T("challenges.index.stage")},
                               rows)}};
}

json ReportDueNotice(const web::Context& ctx, const ChallengeCommands& commands, const ReportSchedule& s) {
  bool late = s.state == ReportState::kOverdue;
  return {{"late", late},
          {"text", ctx.T(late ? "challenges.reports.late" : "challenges.reports.due",
                         {{"due", When(ctx, commands, s.next_due_at)}, {"missing", static_cast<int64_t>(s.missing)}})}};
}

json Options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen) {
  json out = json::array();
  for (const auto& [value, label] : values) {
    out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
  }
  return out;
}

}  // namespace wp::challenges
