#include "features/budgets/edition_check.h"

namespace wp::budgets {

std::string_view EditionProblemKey(EditionProblem p) {
  switch (p) {
    case EditionProblem::kTitleMissing: return "budgets.edition.error.title";
    case EditionProblem::kSlugInvalid: return "budgets.edition.error.slug";
    case EditionProblem::kBudgetNotPositive: return "budgets.edition.error.budget";
    case EditionProblem::kThemesMissing: return "budgets.edition.error.themes";
    case EditionProblem::kAreaEmpty: return "budgets.edition.error.area_empty";
    case EditionProblem::kAreaUnknownBuurt: return "budgets.edition.error.area_unknown";
    case EditionProblem::kAreaAcrossBoroughs: return "budgets.edition.error.area_boroughs";
    case EditionProblem::kMinAgeOutOfRange: return "budgets.edition.error.min_age";
    case EditionProblem::kThresholdNotPositive: return "budgets.edition.error.threshold";
    case EditionProblem::kMaxPlansMissing: return "budgets.edition.error.max_plans";
    case EditionProblem::kSpendNegative: return "budgets.edition.error.spend_negative";
    case EditionProblem::kMinAboveMax: return "budgets.edition.error.min_above_max";
    case EditionProblem::kMaxAboveBudget: return "budgets.edition.error.max_above_budget";
    case EditionProblem::kDatesNotIncreasing: return "budgets.edition.error.dates";
  }
  return "budgets.edition.error.title";
}

bool IsValidSlug(std::string_view slug) {
  if (slug.size() < 3 || slug.size() > 60) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<EditionProblemAt> CheckEdition(const Edition& e,
                                           const std::map<std::string, std::string>& borough_of_buurt) {
  std::vector<EditionProblemAt> out;
  auto add = [&](EditionProblem p, const char* field) { out.push_back({p, field}); };
  if (e.title.empty()) add(EditionProblem::kTitleMissing, "title");
  if (!IsValidSlug(e.slug)) add(EditionProblem::kSlugInvalid, "slug");
  if (e.budget_cents <= 0) add(EditionProblem::kBudgetNotPositive, "budget");
  bool has_theme = false;
  for (const auto& t : e.themes) has_theme = has_theme || !t.empty();
  if (!has_theme) add(EditionProblem::kThemesMissing, "themes");
  if (e.area.empty()) {
    add(EditionProblem::kAreaEmpty, "area");
  } else {
    bool unknown = false, across = false;
    for (const auto& code : e.area) {
      auto it = borough_of_buurt.find(code);
      if (it == borough_of_buurt.end()) {
        unknown = true;
        continue;
      }
      if (!e.borough_slug.empty()) {
        across = across || it->second != e.borough_slug;
      }
    }
    if (unknown) add(EditionProblem::kAreaUnknownBuurt, "area");
    if (across) add(EditionProblem::kAreaAcrossBoroughs, "area");
  }
  if (e.min_age < 0 || e.min_age > 120) add(EditionProblem::kMinAgeOutOfRange, "min_age");
  if (e.like_threshold < 1) add(EditionProblem::kThresholdNotPositive, "like_threshold");
  if (e.ballot_kind == BallotKind::kPickUpTo && e.max_plans < 1) add(EditionProblem::kMaxPlansMissing, "max_plans");
  bool negative = (e.min_spend_cents && *e.min_spend_cents < 0) || (e.max_spend_cents && *e.max_spend_cents < 0);
  if (negative) add(EditionProblem::kSpendNegative, "min_spend");
  if (e.min_spend_cents && e.max_spend_cents && *e.min_spend_cents > *e.max_spend_cents) {
    add(EditionProblem::kMinAboveMax, "min_spend");
  }
  if (e.max_spend_cents && *e.max_spend_cents > e.budget_cents && e.budget_cents > 0) {
    add(EditionProblem::kMaxAboveBudget, "max_spend");
  }
  if (e.min_spend_cents && !e.max_spend_cents && *e.min_spend_cents > e.budget_cents && e.budget_cents > 0) {
    add(EditionProblem::kMaxAboveBudget, "min_spend");
  }
  const auto& d = e.dates;
  bool increasing = d.plans_open > 0 && d.plans_open < d.likes_open && d.likes_open < d.review_open &&
                    d.review_open < d.voting_open && d.voting_open < d.voting_close;
  if (!increasing) add(EditionProblem::kDatesNotIncreasing, "plans_open");
  return out;
}

}  // namespace wp::budgets
