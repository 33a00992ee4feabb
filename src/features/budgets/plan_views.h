// The view data of a plan's page (plan.html) and of the plan form
// (plan_form.html), and reading that form. Pure functions of what they are
// given; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/form.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/budgets/commands.h"
#include "features/geography/geography.h"

namespace wp::budgets {

struct PlanPageInput {
  const Edition& edition;
  const PlanDetails& details;
  Phase phase;                // of the edition now
  std::optional<bool> liked;  // whether the viewer liked the plan, when they may (un)like it now
  const geography::Municipality& municipality;
  const time::TimeZone& zone;
};

// Everything plan.html shows except the progress form's fields and errors:
// the plan's facts, photos, costs, likes, the submitter's actions, merge
// proposals, implementation and history, as far as the viewer may see them.
nlohmann::json PlanPageData(const web::Context& ctx, const PlanPageInput& in);

// plan_form.html for a new plan (`existing` null) or an edit, showing `in`
// and the `errors` of the fields (title, description, theme, neighbourhood,
// cost_N, photos) next to them and in the summary.
nlohmann::json PlanFormData(const web::Context& ctx, const Edition& e, const PlanDetails* existing, const PlanInput& in,
                            const geography::Municipality& m, const std::vector<FieldError>& errors);

// What the plan form sent: the fields, and the photos chosen (their bytes).
PlanInput PlanInputOf(const http::FormData& form);
std::vector<std::string> PhotosOf(const http::FormData& form);
// The form filled with a stored plan, amounts as typed in `locale`.
PlanInput InputOfPlan(const Plan& p, std::string_view locale);

}  // namespace wp::budgets
