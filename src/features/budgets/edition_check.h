// CheckEdition: the rules an edition's settings must meet before it is saved
// (a title, a web address, budget > 0, min <= max spend <= budget, k >= 1 for
// a pick-up-to ballot, an area inside one stadsdeel, at least one theme, dates
// increasing). Pure.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "features/budgets/edition.h"

namespace wp::budgets {

// The problems an edition's settings can have; each is the i18n key that
// explains it, reported on the form field it belongs to.
inline constexpr const char* kEditionTitle = "budgets.edition.error.title";  // missing or too long
inline constexpr const char* kEditionSlug = "budgets.edition.error.slug";
inline constexpr const char* kEditionBudget = "budgets.edition.error.budget";
inline constexpr const char* kEditionThemes = "budgets.edition.error.themes";
inline constexpr const char* kEditionAreaEmpty = "budgets.edition.error.area_empty";
inline constexpr const char* kEditionAreaUnknown = "budgets.edition.error.area_unknown";    // not a buurt
inline constexpr const char* kEditionAreaBoroughs = "budgets.edition.error.area_boroughs";  // more than one stadsdeel
inline constexpr const char* kEditionMinAge = "budgets.edition.error.min_age";              // 0..120
inline constexpr const char* kEditionThreshold = "budgets.edition.error.threshold";
inline constexpr const char* kEditionMaxPlans = "budgets.edition.error.max_plans";
inline constexpr const char* kEditionSpendNegative = "budgets.edition.error.spend_negative";
inline constexpr const char* kEditionMinAboveMax = "budgets.edition.error.min_above_max";
inline constexpr const char* kEditionMaxAboveBudget = "budgets.edition.error.max_above_budget";
inline constexpr const char* kEditionDates = "budgets.edition.error.dates";

inline constexpr size_t kMaxEditionTitle = 120;

// Checks `e`. `borough_of_buurt` maps each buurtcode of the municipality to
// its stadsdeel slug. An empty e.borough_slug means the whole municipality,
// in which case the area may span stadsdelen. Fields: title, slug, budget,
// themes, area, min_age, like_threshold, max_plans, min_spend, max_spend,
// plans_open. Empty result: valid.
std::vector<FieldError> CheckEdition(const Edition& e, const std::map<std::string, std::string>& borough_of_buurt);

// True for a URL slug: 3..60 of a-z, 0-9 and '-', not starting or ending with '-'.
bool IsValidSlug(std::string_view slug);

}  // namespace wp::budgets
