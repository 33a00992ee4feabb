#include "features/initiatives/subsidy_view.h"

#include "core/i18n/locale_rules.h"
#include "core/time/format.h"
#include "core/web/components.h"

namespace wp::initiatives {

using nlohmann::json;

namespace {

web::Tone ToneOf(GrantStatus s) {
  switch (s) {
    case GrantStatus::kGranted:
    case GrantStatus::kPaid:
    case GrantStatus::kSettled:
      return web::Tone::kSuccess;
    case GrantStatus::kRefused:
      return web::Tone::kDanger;
    case GrantStatus::kWithdrawn:
      return web::Tone::kNeutral;
    case GrantStatus::kApplied:
    case GrantStatus::kReported:
      return web::Tone::kInfo;
  }
  return web::Tone::kNeutral;
}

json LinesTable(const web::Context& ctx, const std::string& caption_key,
                const std::vector<platforms::BudgetLine>& lines) {
  if (lines.empty()) return nullptr;
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& l : lines) rows.push_back({{l.description}, {i18n::FormatMoney(l.amount, ctx.locale), "", true}});
  rows.push_back({{ctx.T("initiatives.subsidy.total")},
                  {i18n::FormatMoney(platforms::TotalOf(lines), ctx.locale), "", true}});
  return web::Table(ctx.T(caption_key),
                    {ctx.T("platforms.subsidy.col_description"), ctx.T("platforms.subsidy.col_amount")}, rows);
}

// The facts of one subsidy, as far as they are known.
json Summary(const web::Context& ctx, const time::TimeZone& zone, const StartSubsidy& s) {
  auto money = [&](Money m) { return i18n::FormatMoney(m, ctx.locale); };
  auto date = [&](int64_t at) { return time::FormatDate(zone, at, ctx.locale); };
  std::vector<web::SummaryRow> rows = {{ctx.T("initiatives.subsidy.requested"), money(s.requested), ""},
                                       {ctx.T("initiatives.subsidy.applied_on"), date(s.applied_at), ""}};
  if (s.granted) rows.push_back({ctx.T("initiatives.subsidy.granted"), money(*s.granted), ""});
  if (s.decided_at) {
    rows.push_back({ctx.T("initiatives.subsidy.decided_on"), date(s.decided_at), ""});
    rows.push_back({ctx.T("initiatives.subsidy.reason"), s.decision_reason, ""});
  }
  if (s.paid_at) {
    rows.push_back({ctx.T("initiatives.subsidy.paid_on"), date(s.paid_at), ""});
    rows.push_back({ctx.T("initiatives.subsidy.reference"), s.payment_reference, ""});
  }
  if (s.reported_at) rows.push_back({ctx.T("initiatives.subsidy.account"), s.account, ""});
  if (s.settled) {
    rows.push_back({ctx.T("initiatives.subsidy.settled"), money(*s.settled), ""});
    rows.push_back({ctx.T("initiatives.subsidy.settlement_reason"), s.settlement_reason, ""});
  }
  return web::SummaryList(rows);
}

bool May(const StartSubsidy& s, GrantStep step) { return GrantStepResult(s.status, step).has_value(); }

}  // namespace

json GrantBadge(const web::Context& ctx, GrantStatus s) {
  return web::StatusBadge(ctx.T("initiatives.subsidy_status." + std::string(GrantStatusName(s))), ToneOf(s));
}

json SubsidiesJson(const web::Context& ctx, const time::TimeZone& zone, const std::vector<StartSubsidy>& subsidies,
                   const std::string& base, SubsidyViewer viewer) {
  json out = json::array();
  bool initiator = viewer == SubsidyViewer::kInitiator, staff = viewer == SubsidyViewer::kStaff;
  for (const auto& s : subsidies) {
    out.push_back({{"id", s.id},
                   {"heading", ctx.T("initiatives.subsidy.heading", {{"date", time::FormatDate(zone, s.applied_at,
                                                                                                 ctx.locale)}})},
                   {"badge", GrantBadge(ctx, s.status)},
                   {"purpose", s.purpose},
                   {"summary", Summary(ctx, zone, s)},
                   {"budget", LinesTable(ctx, "initiatives.subsidy.budget_caption", s.budget)},
                   {"spending", LinesTable(ctx, "initiatives.subsidy.spending_caption", s.spending)},
                   {"action", base + "/subsidie/" + std::to_string(s.id)},
                   {"can_withdraw", initiator && May(s, GrantStep::kWithdraw)},
                   {"can_report", initiator && May(s, GrantStep::kReport)},
                   {"can_decide", staff && May(s, GrantStep::kGrant)},
                   {"can_pay", staff && May(s, GrantStep::kPay)},
                   {"can_settle", staff && May(s, GrantStep::kSettle)}});
  }
  return out;
}

void AddInitiatorSubsidyFields(web::FormView& form, const web::Context& ctx) {
  form.Field({.name = "purpose",
              .label_key = "initiatives.subsidy.purpose",
              .value = ctx.form.Get("purpose"),
              .description_key = "initiatives.subsidy.purpose_hint",
              .textarea = true,
              .rows = 3});
  form.Field({.name = "budget",
              .label_key = "initiatives.subsidy.budget",
              .value = ctx.form.Get("budget"),
              .description_key = "platforms.subsidy.lines_hint",
              .textarea = true,
              .rows = 5});
  form.Field({.name = "spending",
              .label_key = "initiatives.subsidy.spending",
              .value = ctx.form.Get("spending"),
              .description_key = "platforms.subsidy.lines_hint",
              .textarea = true,
              .rows = 5});
  form.Field({.name = "account",
              .label_key = "initiatives.subsidy.account",
              .value = ctx.form.Get("account"),
              .description_key = "initiatives.subsidy.account_hint",
              .textarea = true,
              .rows = 4});
}

void AddStaffSubsidyFields(web::FormView& form, const web::Context& ctx) {
  form.Label("decision", "initiatives.subsidy.decision");
  form.Field({.name = "amount",
              .label_key = "initiatives.subsidy.amount",
              .value = ctx.form.Get("amount"),
              .description_key = "initiatives.subsidy.amount_hint",
              .required = false,
              .inputmode = "decimal"});
  form.Field({.name = "reason",
              .label_key = "initiatives.subsidy.reason",
              .value = ctx.form.Get("reason"),
              .textarea = true,
              .rows = 3});
  form.Field({.name = "reference",
              .label_key = "initiatives.subsidy.reference",
              .value = ctx.form.Get("reference"),
              .description_key = "initiatives.subsidy.reference_hint"});
}

}  // namespace wp::initiatives
