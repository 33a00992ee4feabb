#include "features/budgets/page_data.h"

#include <algorithm>

#include "core/i18n/locale_rules.h"
#include "core/money.h"
#include "core/strings.h"
#include "core/time/format.h"

namespace wp::budgets {

using nlohmann::json;
using web::Context;

namespace {

constexpr Phase kPublicPhases[] = {Phase::kPlans, Phase::kLikes, Phase::kReview, Phase::kVoting,
                                   Phase::kImplementation};

int64_t PhaseStart(const Edition& e, Phase p) {
  switch (p) {
    case Phase::kPlans:
      return e.dates.plans_open;
    case Phase::kLikes:
      return e.dates.likes_open;
    case Phase::kReview:
      return e.dates.review_open;
    case Phase::kVoting:
      return e.dates.voting_open;
    case Phase::kImplementation:
      return e.dates.voting_close;
    default:
      return 0;
  }
}

// The date in the "next" text of each phase. Voting runs up to and including
// its last day, the day before voting_close.
std::string NextDate(const Edition& e, Phase phase, const time::TimeZone& zone, std::string_view locale) {
  switch (phase) {
    case Phase::kBeforePlans:
      return time::FormatPeriodStart(zone, e.dates.plans_open, locale);
    case Phase::kPlans:
      return time::FormatPeriodStart(zone, e.dates.likes_open, locale);
    case Phase::kLikes:
      return time::FormatPeriodStart(zone, e.dates.review_open, locale);
    case Phase::kReview:
      return time::FormatPeriodStart(zone, e.dates.voting_open, locale);
    case Phase::kVoting:
      return time::FormatPeriodEnd(zone, e.dates.voting_close, locale);
    default:
      return "";
  }
}

web::Tone PlanStatusTone(PlanStatus s) {
  switch (s) {
    case PlanStatus::kSubmitted:
    case PlanStatus::kResubmitted:
    case PlanStatus::kOnToReview:
    case PlanStatus::kInProgress:
      return web::Tone::kInfo;
    case PlanStatus::kSentBack:
      return web::Tone::kWarning;
    case PlanStatus::kFeasible:
    case PlanStatus::kFeasibleWithConditions:
    case PlanStatus::kOnBallot:
    case PlanStatus::kSelected:
    case PlanStatus::kDone:
      return web::Tone::kSuccess;
    case PlanStatus::kMerged:
    case PlanStatus::kWithdrawn:
    case PlanStatus::kBelowThreshold:
    case PlanStatus::kNotFeasible:
    case PlanStatus::kMunicipalDuty:
    case PlanStatus::kNotSelected:
      return web::Tone::kNeutral;
  }
  return web::Tone::kNeutral;
}

web::Tone PhaseTone(Phase p) {
  switch (p) {
    case Phase::kDraft:
      return web::Tone::kWarning;
    case Phase::kBeforePlans:
      return web::Tone::kNeutral;
    case Phase::kImplementation:
      return web::Tone::kSuccess;
    default:
      return web::Tone::kInfo;
  }
}

std::string BallotText(const Context& ctx, const Edition& e) {
  std::string text = e.ballot_kind == BallotKind::kPickUpTo ? ctx.T("budgets.ballot.pick_up_to", {{"k", e.max_plans}})
                                                            : ctx.T("budgets.ballot.split_budget");
  if (e.min_spend_cents) {
    text += " " + ctx.T("budgets.edition.min_spend_text", {{"min_spend", MoneyText(ctx, *e.min_spend_cents)}});
  }
  if (e.max_spend_cents) {
    text += " " + ctx.T("budgets.edition.max_spend_text", {{"max_spend", MoneyText(ctx, *e.max_spend_cents)}});
  }
  return text;
}

}  // namespace

// ---------------------------------------------------------------- paths

std::string EditionPath(const Edition& e) { return std::string(kEditionsPath) + "/" + e.slug; }
std::string PlansPath(const Edition& e) { return EditionPath(e) + "/plannen"; }
std::string PlanPath(const Edition& e, int64_t plan_id) { return PlansPath(e) + "/" + std::to_string(plan_id); }
std::string AdminEditionPath(const Edition& e) { return std::string(kAdminPath) + "/" + e.slug; }
std::string AdminPlansPath(const Edition& e) { return AdminEditionPath(e) + "/plannen"; }
std::string AdminPlanPath(const Edition& e, int64_t plan_id) {
  return AdminPlansPath(e) + "/" + std::to_string(plan_id);
}

web::Crumb EditionsCrumb(const Context& ctx) { return {ctx.T("budgets.editions.title"), kEditionsPath}; }
web::Crumb EditionCrumb(const Edition& e) { return {e.title, EditionPath(e)}; }
web::Crumb PlansCrumb(const Context& ctx, const Edition& e) {
  return {ctx.T("budgets.edition.all_plans"), PlansPath(e)};
}
web::Crumb AdminCrumb(const Context& ctx) { return {ctx.T("budgets.admin.title"), kAdminPath}; }
web::Crumb AdminPlansCrumb(const Context& ctx, const Edition& e) {
  return {ctx.T("budgets.edition.manage_plans"), AdminPlansPath(e)};
}

// ---------------------------------------------------------------- words

std::string MoneyText(const Context& ctx, int64_t cents) { return i18n::FormatMoney(wp::Money{cents}, ctx.locale); }

std::string PlainAmount(int64_t cents, std::string_view locale) {
  std::string out = std::to_string(cents / 100);
  if (cents % 100 != 0) {
    out += locale == "en" ? '.' : ',';
    out += static_cast<char>('0' + (cents % 100) / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

std::string PlanStatusLabel(const Context& ctx, PlanStatus s) {
  return ctx.T("budgets.status." + std::string(PlanStatusName(s)));
}

json PlanStatusBadge(const Context& ctx, PlanStatus s) {
  return web::StatusBadge(PlanStatusLabel(ctx, s), PlanStatusTone(s));
}

std::string PhaseLabel(const Context& ctx, Phase p) { return ctx.T("budgets.phase." + std::string(PhaseName(p))); }

json PhaseBadge(const Context& ctx, Phase p) { return web::StatusBadge(PhaseLabel(ctx, p), PhaseTone(p)); }

// ---------------------------------------------------------------- editions

json EditionData(const Context& ctx, const Edition& e, Phase phase, const time::TimeZone& zone) {
  std::string name(PhaseName(phase));
  return {{"slug", e.slug},
          {"title", e.title},
          {"description", e.description},
          {"published", e.published},
          {"phase_label", PhaseLabel(ctx, phase)},
          {"now_text", ctx.T("budgets.phase." + name + ".now", {{"threshold", e.like_threshold}})},
          {"next_text", ctx.T("budgets.phase." + name + ".next", {{"date", NextDate(e, phase, zone, ctx.locale)}})}};
}

json PhaseSteps(const Context& ctx, const Edition& e, Phase phase, const time::TimeZone& zone) {
  std::vector<web::Step> steps;
  int current = -1;
  for (Phase p : kPublicPhases) {
    if (p == phase) current = static_cast<int>(steps.size());
    steps.push_back(
        {PhaseLabel(ctx, p),
         ctx.T("budgets.edition.phase_from", {{"date", time::FormatPeriodStart(zone, PhaseStart(e, p), ctx.locale)}})});
  }
  return web::PhaseStepper(steps, current);
}

json EditionFacts(const Context& ctx, const Edition& e, const geography::Municipality& m) {
  std::string area = AreaName(m, e);
  std::string districts = JoinStrings(AreaDistricts(m, e), ", ");
  return web::SummaryList({
      {ctx.T("budgets.edition.budget"), MoneyText(ctx, e.budget_cents), ""},
      {ctx.T("budgets.edition.area"), districts.empty() ? area : area + ": " + districts, ""},
      {ctx.T("budgets.edition.themes"), JoinStrings(e.themes, ", "), ""},
      {ctx.T("budgets.edition.who"), ctx.T("budgets.edition.who_text", {{"area_name", area}, {"min_age", e.min_age}}),
       ""},
      {ctx.T("budgets.edition.threshold"),
       ctx.T("budgets.edition.threshold_text", {{"like_threshold", e.like_threshold}}), ""},
      {ctx.T("budgets.edition.ballot"), BallotText(ctx, e), ""},
      {ctx.T("budgets.edition.rule"), ctx.T("budgets.rule." + std::string(CountingRuleName(e.counting_rule))), ""},
  });
}

// ---------------------------------------------------------------- plans

json PlanCard(const Context& ctx, const Plan& p, const geography::Municipality& m, const std::string& href) {
  std::string meta =
      p.theme + " · " + NeighbourhoodName(m, p.neighbourhood_code) + " · " + MoneyText(ctx, p.cost_cents);
  return web::Card({.title = p.title,
                    .href = href,
                    .text = "",
                    .meta = meta,
                    .badge = PlanStatusBadge(ctx, p.status),
                    .heading_level = 2});
}

std::string LikesText(const Context& ctx, const Edition& e, const Plan& p) {
  return ctx.T("budgets.likes.progress", {{"count", p.likes}, {"threshold", e.like_threshold}});
}

json LikesData(const Context& ctx, const Edition& e, const Plan& p) {
  return {{"likes_text", LikesText(ctx, e, p)},
          {"reached", p.likes >= e.like_threshold},
          {"threshold", e.like_threshold},
          {"progress_value", std::min<int64_t>(p.likes, e.like_threshold)}};
}

bool IsListed(PlanStatus s) { return s != PlanStatus::kWithdrawn && s != PlanStatus::kMerged; }

}  // namespace wp::budgets
