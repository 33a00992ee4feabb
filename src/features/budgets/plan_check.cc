#include "features/budgets/plan_check.h"

#include <algorithm>

#include "core/strings.h"
#include "features/budgets/cost_breakdown.h"
#include "features/budgets/upload_check.h"

namespace wp::budgets {

namespace {

constexpr const char* kRequired = "web.required";

std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

void CheckText(const std::string& field, const std::string& value, size_t max, const char* too_long,
               std::vector<FieldError>& errors) {
  if (value.empty()) {
    errors.push_back({field, kRequired});
  } else if (value.size() > max) {
    errors.push_back({field, too_long});
  }
}

void CheckCosts(const Edition& e, const PlanInput& in, Plan& p, std::vector<FieldError>& errors) {
  ParsedCosts costs = ParseCostLines(in.cost_lines);
  for (const auto& problem : costs.problems) {
    errors.push_back(
        {"cost_" + std::to_string(std::max(1, problem.line)), std::string(CostProblemKey(problem.problem))});
  }
  if (costs.problems.empty() && costs.total_cents > e.budget_cents) errors.push_back({"cost_1", kPlanOverBudget});
  p.cost_lines = costs.lines;
  p.cost_cents = costs.total_cents;
}

}  // namespace

CheckedPlan CheckPlanInput(const Edition& e, const PlanInput& in, const std::vector<std::string>& photos,
                           size_t max_photo_bytes) {
  CheckedPlan out;
  Plan& p = out.content;
  std::vector<FieldError>& errors = out.errors;
  p.title = Trimmed(in.title);
  for (char& ch : p.title) {
    if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
  }
  p.description = Trimmed(in.description);
  p.theme = Trimmed(in.theme);
  p.neighbourhood_code = Trimmed(in.neighbourhood_code);
  p.lon = in.lon;
  p.lat = in.lat;
  CheckText("title", p.title, kMaxPlanTitle, kPlanTitleLong, errors);
  CheckText("description", p.description, kMaxPlanDescription, kPlanDescriptionLong, errors);
  if (std::find(e.themes.begin(), e.themes.end(), p.theme) == e.themes.end()) errors.push_back({"theme", kPlanTheme});
  if (!e.area.count(p.neighbourhood_code)) errors.push_back({"neighbourhood", kPlanNeighbourhood});
  CheckCosts(e, in, p, errors);
  for (const auto& data : photos) {
    if (auto problem = CheckPhoto(data, max_photo_bytes)) {
      errors.push_back({"photos", std::string(UploadProblemKey(*problem))});
      break;
    }
  }
  if (static_cast<int>(photos.size()) > kMaxPhotosPerPlan) errors.push_back({"photos", kPlanPhotoCount});
  return out;
}

}  // namespace wp::budgets
