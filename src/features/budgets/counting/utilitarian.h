// The utilitarian optimum under cost utilities: the set of projects within
// the budget that maximises sum of votes(p) * cost(p), i.e. the euros of
// approved plans summed over all voters (pabutools
// max_additive_utilitarian_welfare with Cost_Sat). Exact
// 0/1 knapsack: dynamic programming over the budget in units of the gcd of the
// costs when that table is small, otherwise branch and bound with the
// fractional (LP) bound. Pure; safe to call from any thread.
//
// Several sets can be optimal; which one is returned is deterministic but not
// specified (the reference does not control it either). Compare the value.
#pragma once

#include "features/budgets/counting/count_result.h"
#include "features/budgets/counting/election.h"

namespace wp::budgets::counting {

enum class KnapsackMethod {
  kAuto,                // branch and bound, then the table if the search grows large
  kBranchAndBound,      // branch and bound only
  kDynamicProgramming,  // the table when it fits in memory, else branch and bound
};

// REQUIRES: election.IsApproval().
CountResult CountUtilitarianOptimum(const Election& election, KnapsackMethod method = KnapsackMethod::kAuto);

// Sum of votes(p) * cost(p) in cents over `selected` (the objective above).
__int128 CostWelfareCents(const Election& election, const std::vector<int>& selected);

}  // namespace wp::budgets::counting
