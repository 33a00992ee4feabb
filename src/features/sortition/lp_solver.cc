#include "features/sortition/lp_solver.h"

#include <utility>

namespace wp::sortition {

int LpProblem::AddColumn(double cost, double lower, double upper, bool integer) {
  objective.push_back(cost);
  col_lower.push_back(lower);
  col_upper.push_back(upper);
  if (integer || !is_integer.empty()) {
    is_integer.resize(objective.size() - 1, false);
    is_integer.push_back(integer);
  }
  return static_cast<int>(objective.size()) - 1;
}

int LpProblem::AddRow(LpRow row) {
  rows.push_back(std::move(row));
  return static_cast<int>(rows.size()) - 1;
}

std::string LpStatusName(LpStatus status) {
  switch (status) {
    case LpStatus::kOptimal:
      return "optimal";
    case LpStatus::kInfeasible:
      return "infeasible";
    case LpStatus::kUnbounded:
      return "unbounded";
    case LpStatus::kStopped:
      return "stopped";
  }
  return "unknown";
}

}  // namespace wp::sortition
