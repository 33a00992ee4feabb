// CheckEdition: the rules an edition's settings must meet before it is saved
// (dates increasing, budget > 0, min <= max spend <= budget, k >= 1 for a
// pick-up-to ballot, an area inside one stadsdeel, at least one theme).
// Pure.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "features/budgets/edition.h"

namespace wp::budgets {

enum class EditionProblem {
  kTitleMissing,
  kSlugInvalid,
  kBudgetNotPositive,
  kThemesMissing,
  kAreaEmpty,
  kAreaUnknownBuurt,     // a code that is not a buurt of the municipality
  kAreaAcrossBoroughs,   // buurten of more than one stadsdeel (or not of the chosen one)
  kMinAgeOutOfRange,     // 0..120
  kThresholdNotPositive,
  kMaxPlansMissing,      // kPickUpTo needs max_plans >= 1
  kSpendNegative,
  kMinAboveMax,
  kMaxAboveBudget,
  kDatesNotIncreasing,
};

struct EditionProblemAt {
  EditionProblem problem;
  std::string field;  // form field the problem belongs to
};

// i18n key of a problem, e.g. "budgets.edition.error.dates".
std::string_view EditionProblemKey(EditionProblem p);

// Checks `e`. `borough_of_buurt` maps each buurtcode of the municipality to
// its stadsdeel slug. An empty e.borough_slug means the whole municipality,
// in which case the area may span stadsdelen. Empty result: valid.
std::vector<EditionProblemAt> CheckEdition(const Edition& e, const std::map<std::string, std::string>& borough_of_buurt);

// True for a URL slug: 3..60 of a-z, 0-9 and '-', not starting or ending with '-'.
bool IsValidSlug(std::string_view slug);

}  // namespace wp::budgets
