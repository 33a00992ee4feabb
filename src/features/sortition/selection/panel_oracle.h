// PanelOracle: the pricing ILP of LEXIMIN's column generation over agent types —
// "find the feasible panel that maximises the total weight of its members".
// Integer count c_t in [0, |type t|], sum c_t = k, min_f <= sum_{t in f} c_t
// <= max_f, and at most one per household. Not thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

class PanelOracle {
 public:
  // `instance`, `types` and `mip` must outlive the oracle.
  PanelOracle(const Instance& instance, const TypeModel& types, MipSolver& mip);

  // Returns the feasible composition maximising sum_t weight[t] * count[t]
  // (weight[t] is the weight of one member of type t), or nullopt if no
  // feasible panel exists. REQUIRES: weight.size() == number of types.
  std::optional<Composition> Best(const std::vector<double>& weight);

  // Number of ILPs solved so far.
  int calls() const { return calls_; }

 private:
  const TypeModel& types_;
  MipSolver& mip_;
  LpProblem problem_;
  int calls_ = 0;
};

}  // namespace wp::sortition
