// CheckPlanInput: what a submitter types for a plan, checked against the
// edition (a title and description of sensible length, one of its themes, a
// buurt in its area, a cost breakdown within the budget, at most five photos
// that are JPEG, PNG or WebP). Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "features/budgets/edition.h"
#include "features/budgets/plan.h"

namespace wp::budgets {

// What a submitter types for a plan.
struct PlanInput {
  std::string title, description, theme, neighbourhood_code;
  std::optional<double> lon, lat;
  std::vector<std::pair<std::string, std::string>> cost_lines;  // (label, amount text)
};

inline constexpr size_t kMaxPlanTitle = 120;
inline constexpr size_t kMaxPlanDescription = 5000;

// The problems a plan's fields can have, as i18n keys (with web.required for
// an empty title or description; cost lines use CostProblemKey, photos
// UploadProblemKey).
inline constexpr const char* kPlanTitleLong = "budgets.plan.error.title_long";
inline constexpr const char* kPlanDescriptionLong = "budgets.plan.error.description_long";
inline constexpr const char* kPlanTheme = "budgets.plan.error.theme";
inline constexpr const char* kPlanNeighbourhood = "budgets.plan.error.neighbourhood";
inline constexpr const char* kPlanOverBudget = "budgets.plan.error.cost_over_budget";
inline constexpr const char* kPlanPhotoCount = "budgets.photo.error.count";

struct CheckedPlan {
  // Title (on one line: it goes into e-mail subjects), description, theme,
  // neighbourhood and place trimmed; cost lines and their total parsed.
  Plan content;
  // Fields: title, description, theme, neighbourhood, cost_N (the 1-based
  // line), photos. Empty: valid.
  std::vector<FieldError> errors;
};

// Checks `in` and the uploaded `photos` (raw bytes, each at most
// `max_photo_bytes`) for a plan of edition `e`.
CheckedPlan CheckPlanInput(const Edition& e, const PlanInput& in, const std::vector<std::string>& photos,
                           size_t max_photo_bytes);

}  // namespace wp::budgets
