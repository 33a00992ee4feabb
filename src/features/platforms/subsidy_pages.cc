#include "features/platforms/subsidy_pages.h"

#include <algorithm>

#include "core/http/error_response.h"
#include "core/i18n/locale_rules.h"
#include "core/strings.h"
#include "core/web/forms.h"
#include "features/platforms/page_data.h"
#include "features/platforms/permissions.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

std::string SubsidyStatusLabel(const Context& ctx, SubsidyStatus s) {
  return ctx.T("platforms.subsidy_status." + std::string(SubsidyStatusName(s)));
}

web::Tone SubsidyTone(SubsidyStatus s) {
  switch (s) {
    case SubsidyStatus::kGranted:
    case SubsidyStatus::kSettled:
      return web::Tone::kSuccess;
    case SubsidyStatus::kRefused:
      return web::Tone::kDanger;
    case SubsidyStatus::kWithdrawn:
      return web::Tone::kNeutral;
    case SubsidyStatus::kApplied:
    case SubsidyStatus::kReported:
      return web::Tone::kInfo;
  }
  return web::Tone::kNeutral;
}

json LinesTable(const Context& ctx, const std::string& caption, const std::vector<BudgetLine>& lines) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& l : lines) rows.push_back({{l.description}, {i18n::FormatMoney(l.amount, ctx.locale), "", true}});
  return web::Table(caption, {ctx.T("platforms.subsidy.col_description"), ctx.T("platforms.subsidy.col_amount")}, rows);
}

// One application with what the viewer may do with it.
json ApplicationJson(const Context& ctx, const Platform& p, const SubsidyApplication& a, bool applicant,
                     bool municipality) {
  auto may = [&](SubsidyStep s) { return SubsidyStepResult(a.status, s).has_value(); };
  std::string year = std::to_string(a.year);
  json withdraw = nullptr;
  if (applicant && may(SubsidyStep::kWithdraw)) {
    withdraw = web::ActionButton(ctx.T("platforms.subsidy.withdraw"),
                                 PlatformPath(p) + "/subsidie/" + std::to_string(a.id) + "/intrekken", ctx.csrf_token);
  }
  return {{"id", a.id},
          {"year", a.year},
          {"badge", web::StatusBadge(SubsidyStatusLabel(ctx, a.status), SubsidyTone(a.status))},
          {"requested", i18n::FormatMoney(a.requested, ctx.locale)},
          {"granted", a.granted ? i18n::FormatMoney(*a.granted, ctx.locale) : ""},
          {"settled", a.settled ? i18n::FormatMoney(*a.settled, ctx.locale) : ""},
          {"budget", LinesTable(ctx, ctx.T("platforms.subsidy.budget_caption") + " " + year, a.budget)},
          {"spending", a.spending.empty()
                           ? json(nullptr)
                           : LinesTable(ctx, ctx.T("platforms.subsidy.spending_caption") + " " + year, a.spending)},
          {"decision_reason", a.decision_reason},
          {"overspend_explanation", a.overspend_explanation},
          {"settlement_reason", a.settlement_reason},
          {"can_decide", municipality && may(SubsidyStep::kGrant)},
          {"can_settle", municipality && may(SubsidyStep::kSettle)},
          {"withdraw", withdraw},
          {"can_report", applicant && may(SubsidyStep::kReport)}};
}

// The step named in the URL.
std::optional<SubsidyStep> StepNamed(std::string_view name) {
  if (name == "intrekken") return SubsidyStep::kWithdraw;
  if (name == "toekennen") return SubsidyStep::kGrant;
  if (name == "afwijzen") return SubsidyStep::kRefuse;
  if (name == "verantwoorden") return SubsidyStep::kReport;
  if (name == "vaststellen") return SubsidyStep::kSettle;
  return std::nullopt;
}

// "2027" -> 2027; anything but four digits -> 0 (Apply refuses it).
int YearOf(std::string_view text) {
  text = Trim(text);
  if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoi(std::string(text));
}

}  // namespace

Result<http::Response> SubsidyPages::Show(Context& ctx, const Platform& p, const Error* error) {
  if (!MaySeeSubsidy(ctx, p)) return Forbidden("not allowed", "platforms.error.forbidden");
  WP_ASSIGN_OR_RETURN(auto applications, commands_.Subsidies(p.id));
  bool applicant = Can(Viewer(ctx), Action::kApplyForSubsidy, p);
  bool municipality = Can(Viewer(ctx), Action::kGrantSubsidy, p);
  json list = json::array();
  for (const auto& a : applications) list.push_back(ApplicationJson(ctx, p, a, applicant, municipality));
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "year",
              .label_key = "platforms.field_label.year",
              .value = ctx.form.Get("year"),
              .inputmode = "numeric"});
  form.Field({.name = "budget",
              .label_key = "platforms.field_label.budget",
              .value = ctx.form.Get("budget"),
              .description_key = "platforms.subsidy.lines_hint",
              .textarea = true,
              .rows = 6});
  json data = {
      {"platform", {{"slug", p.slug}, {"name", p.name}}},
      {"applications", list},
      {"can_apply", applicant},
      {"title", ctx.T("platforms.subsidy.title", {{"name", p.name}})},
      {"breadcrumb", PlatformCrumbs(ctx, p, ctx.T("platforms.page.subsidy_link"), PlatformPath(p) + "/subsidie")}};
  if (list.empty()) data["empty"] = web::EmptyState(ctx.T("platforms.subsidy.none"));
  form.AppendTo(data);
  return web_.Render(ctx, "platforms/subsidy.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> SubsidyPages::Subsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  return Show(ctx, p, nullptr);
}

Result<http::Response> SubsidyPages::Apply(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  auto lines = ParseBudgetLines(ctx.form.Get("budget"));
  auto applied = lines.has_value()
                     ? commands_.ApplyForSubsidy(*ctx.user, p.id, YearOf(ctx.form.Get("year")), std::move(*lines))
                     : Result<int64_t>(FormInvalid({{"budget", "platforms.subsidy.bad_line"}}));
  if (!applied.has_value()) {
    if (applied.error().has_fields()) return Show(ctx, p, &applied.error());
    return applied.error();
  }
  return web_.Redirect(ctx, PlatformPath(p) + "/subsidie", web::Flash{"success", "platforms.subsidy.applied"});
}

Result<http::Response> SubsidyPages::Step(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto step = StepNamed(ctx.Param("step"));
  if (!step) return NotFound("no such step");
  std::optional<Money> amount;
  if (!Trim(ctx.form.Get("amount")).empty()) amount = ParseMoney(Trim(ctx.form.Get("amount")));
  std::vector<BudgetLine> spending;
  if (*step == SubsidyStep::kReport) {
    auto lines = ParseBudgetLines(ctx.form.Get("spending"));
    if (!lines.has_value()) return InvalidInput("bad line", "platforms.subsidy.bad_line");
    spending = std::move(*lines);
  }
  WP_TRY_VOID(commands_.SubsidyStepOn(*ctx.user, p.id, id, *step, amount, ctx.form.Get("reason"), std::move(spending)));
  return web_.Redirect(ctx, PlatformPath(p) + "/subsidie", web::Flash{"success", "platforms.subsidy.step_done"});
}

}  // namespace wp::platforms
