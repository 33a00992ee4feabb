// Feasibility diagnosis: explains why no panel meets the quotas. First the
// quick counting checks ("gender=female needs at least 10 but only 7
// volunteers have it"), then, for joint infeasibility, the quota-relaxation
// ILP (as in the Sortition Foundation's library): the smallest weighted change of minimums and
// maximums (within min_flex/max_flex when given) that makes a panel possible.
#pragma once

#include <string>
#include <vector>

#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/draw_error.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

// Problems visible by counting alone (which quota, how many short). Empty if none.
std::vector<DrawProblem> FindCountingProblems(const Instance& instance);
// The same, one English sentence each.
std::vector<std::string> CountingProblems(const Instance& instance);

struct QuotaChange {
  int feature = 0;
  int old_min = 0, new_min = 0;
  int old_max = 0, new_max = 0;
};

struct Relaxation {
  bool found = false;        // false: no panel even with every quota relaxed
  bool within_flex = false;  // true: the change respects min_flex/max_flex
  std::vector<QuotaChange> changes;
};

// Solves the relaxation ILP: integer slacks a_f (lower the minimum) and b_f
// (raise the maximum), minimising sum_f (1 + 2/min_f) a_f + sum_f b_f. Tries
// within min_flex/max_flex first, then without bounds.
Relaxation FindRelaxation(const Instance& instance, const TypeModel& types, MipSolver& mip);

// One message for an instance with no feasible panel: the counting problems
// if any, else the relaxation ("no panel meets all quotas together; the
// smallest change that makes one possible: lower the minimum of ...").
std::string ExplainInfeasibility(const Instance& instance, const TypeModel& types, MipSolver& mip);
// The same as an error: kInvalidInput, the problems as fields (draw_error.h),
// the English text as detail.
Error InfeasibilityError(const Instance& instance, const TypeModel& types, MipSolver& mip);

}  // namespace wp::sortition
