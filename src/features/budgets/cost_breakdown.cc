#include "features/budgets/cost_breakdown.h"

#include "core/money.h"
#include "core/strings.h"

namespace wp::budgets {

ParsedCosts ParseCostLines(const std::vector<std::pair<std::string, std::string>>& typed) {
  ParsedCosts out;
  int n = 0;
  for (const auto& [label_raw, amount_raw] : typed) {
    ++n;
    std::string label(Trim(label_raw));
    std::string amount(Trim(amount_raw));
    if (label.empty() && amount.empty()) continue;
    if (static_cast<int>(out.lines.size()) >= kMaxCostLines) {
      out.problems.push_back({CostProblem::kTooManyLines, n});
      break;
    }
    if (label.empty()) out.problems.push_back({CostProblem::kLabelMissing, n});
    if (amount.empty()) {
      out.problems.push_back({CostProblem::kAmountMissing, n});
      continue;
    }
    auto money = ParseMoney(amount);
    if (!money || money->cents < 0) {
      out.problems.push_back({CostProblem::kAmountInvalid, n});
      continue;
    }
    out.lines.push_back({label, money->cents});
  }
  out.total_cents = TotalCents(out.lines);
  if (out.lines.empty() && out.problems.empty()) out.problems.push_back({CostProblem::kNoLines, 1});
  if (!out.lines.empty() && out.problems.empty() && out.total_cents <= 0) {
    out.problems.push_back({CostProblem::kTotalZero, 0});
  }
  return out;
}

int64_t TotalCents(const std::vector<CostLine>& lines) {
  Money total;
  for (const auto& l : lines) total = total + Money{l.amount_cents};
  return total.cents;
}

std::string_view CostProblemKey(CostProblem p) {
  switch (p) {
    case CostProblem::kNoLines: return "budgets.plan.error.cost_none";
    case CostProblem::kLabelMissing: return "budgets.plan.error.cost_label";
    case CostProblem::kAmountInvalid: return "budgets.plan.error.cost_amount";
    case CostProblem::kAmountMissing: return "budgets.plan.error.cost_amount_missing";
    case CostProblem::kTotalZero: return "budgets.plan.error.cost_zero";
    case CostProblem::kTooManyLines: return "budgets.plan.error.cost_too_many";
  }
  return "budgets.plan.error.cost_none";
}

}  // namespace wp::budgets
