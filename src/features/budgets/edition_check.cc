#include "features/budgets/edition_check.h"

namespace wp::budgets {

bool IsValidSlug(std::string_view slug) {
  if (slug.size() < 3 || slug.size() > 60) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

namespace {

void CheckArea(const Edition& e, const std::map<std::string, std::string>& borough_of_buurt,
               std::vector<FieldError>& out) {
  if (e.area.empty()) {
    out.push_back({"area", kEditionAreaEmpty});
    return;
  }
  bool unknown = false, across = false;
  for (const auto& code : e.area) {
    auto it = borough_of_buurt.find(code);
    if (it == borough_of_buurt.end()) {
      unknown = true;
    } else if (!e.borough_slug.empty()) {
      across = across || it->second != e.borough_slug;
    }
  }
  if (unknown) out.push_back({"area", kEditionAreaUnknown});
  if (across) out.push_back({"area", kEditionAreaBoroughs});
}

void CheckSpend(const Edition& e, std::vector<FieldError>& out) {
  bool negative = (e.min_spend_cents && *e.min_spend_cents < 0) || (e.max_spend_cents && *e.max_spend_cents < 0);
  if (negative) out.push_back({"min_spend", kEditionSpendNegative});
  if (e.min_spend_cents && e.max_spend_cents && *e.min_spend_cents > *e.max_spend_cents) {
    out.push_back({"min_spend", kEditionMinAboveMax});
  }
  if (e.max_spend_cents && *e.max_spend_cents > e.budget_cents && e.budget_cents > 0) {
    out.push_back({"max_spend", kEditionMaxAboveBudget});
  }
  if (e.min_spend_cents && !e.max_spend_cents && *e.min_spend_cents > e.budget_cents && e.budget_cents > 0) {
    out.push_back({"min_spend", kEditionMaxAboveBudget});
  }
}

}  // namespace

std::vector<FieldError> CheckEdition(const Edition& e, const std::map<std::string, std::string>& borough_of_buurt) {
  std::vector<FieldError> out;
  if (e.title.empty() || e.title.size() > kMaxEditionTitle) out.push_back({"title", kEditionTitle});
  if (!IsValidSlug(e.slug)) out.push_back({"slug", kEditionSlug});
  if (e.budget_cents <= 0) out.push_back({"budget", kEditionBudget});
  bool has_theme = false;
  for (const auto& t : e.themes) has_theme = has_theme || !t.empty();
  if (!has_theme) out.push_back({"themes", kEditionThemes});
  CheckArea(e, borough_of_buurt, out);
  if (e.min_age < 0 || e.min_age > 120) out.push_back({"min_age", kEditionMinAge});
  if (e.like_threshold < 1) out.push_back({"like_threshold", kEditionThreshold});
  if (e.ballot_kind == BallotKind::kPickUpTo && e.max_plans < 1) out.push_back({"max_plans", kEditionMaxPlans});
  CheckSpend(e, out);
  const auto& d = e.dates;
  bool increasing = d.plans_open > 0 && d.plans_open < d.likes_open && d.likes_open < d.review_open &&
                    d.review_open < d.voting_open && d.voting_open < d.voting_close;
  if (!increasing) out.push_back({"plans_open", kEditionDates});
  return out;
}

}  // namespace wp::budgets
