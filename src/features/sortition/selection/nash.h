// Maximum Nash welfare: the distribution over panels maximising
// sum_i log(pi_i) (the NASH rule of Flanigan et al., Nature 2021), by Frank-Wolfe over columns
// with the PanelOracle as the linear oracle (weights 1/pi per member), started
// from the LEXIMIN distribution. Approximate: stops when the Frank-Wolfe gap
// (an upper bound on how far the welfare is from optimal) is below tolerance.
#pragma once

#include "core/result.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"
#include "features/sortition/selection/leximin.h"

namespace wp::sortition {

struct NashOptions {
  int max_iterations = 300;     // oracle calls after the LEXIMIN start
  double gap_tolerance = 1e-3;  // in units of the welfare sum_i log(pi_i)
  bool relaxation_first = true;  // for the LEXIMIN start (FairnessOptions)
};

// Sum over agents of log(probability), skipping agents with probability 0.
double NashWelfare(const std::vector<double>& agent_probability);

// Errors as FindFairDistribution. `gap` (may be null) receives the final
// Frank-Wolfe gap. Deterministic.
Result<Distribution> FindNashDistribution(const Instance& instance, const TypeModel& types, Solvers solvers,
                                          const NashOptions& options, double* gap = nullptr);

}  // namespace wp::sortition
