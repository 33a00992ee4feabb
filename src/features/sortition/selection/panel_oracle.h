// PanelOracle: the pricing ILP of LEXIMIN's column generation over agent types —
// "find the feasible panel that maximises the total weight of its members".
// Integer count c_t in [0, |type t|], sum c_t = k, min_f <= sum_{t in f} c_t
// <= max_f, and at most one per household. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

// The answer of PanelOracle::Price.
struct Pricing {
  std::optional<Composition> panel;  // the best panel found; none when `bound` is at most the threshold
  double value = 0;                  // its weight
  double bound = 0;                  // proved: no feasible panel weighs more
  bool exact_ilp = false;            // true when Cbc was needed (the LP relaxation was fractional)
};

class PanelOracle {
 public:
  // `instance`, `types` and `mip` must outlive the oracle. With `lp`,
  // Price() tries the LP relaxation first.
  PanelOracle(const Instance& instance, const TypeModel& types, MipSolver& mip, LpSolver* lp = nullptr);

  // Returns the feasible composition maximising sum_t weight[t] * count[t]
  // (weight[t] is the weight of one member of type t), or nullopt if no
  // feasible panel exists. REQUIRES: weight.size() == number of types.
  std::optional<Composition> Best(const std::vector<double>& weight);

  // Pricing for column generation: a panel weighing more than `threshold`,
  // or a proof that none exists. Solves the LP relaxation (kept loaded,
  // restarted from its last basis); its bound is computed from the duals so
  // that solver tolerances cannot make it too low. An integral relaxation is
  // the answer; a fractional one whose bound exceeds the threshold goes to
  // Cbc. Without an LpSolver, always Cbc. Fails only if Cbc fails.
  std::optional<Pricing> Price(const std::vector<double>& weight, double threshold);

  // Number of ILPs solved so far.
  int calls() const { return calls_; }
  // Number of LP relaxations solved so far.
  int relaxations() const { return relaxations_; }
  // Processor seconds spent in LP relaxations and in Cbc so far.
  double relaxation_seconds() const { return relaxation_seconds_; }
  double ilp_seconds() const { return ilp_seconds_; }

 private:
  double RelaxationBound(const std::vector<double>& weight, const LpSolution& s) const;

  const TypeModel& types_;
  MipSolver& mip_;
  LpProblem problem_;
  std::unique_ptr<LpModel> relaxation_;
  int calls_ = 0;
  int relaxations_ = 0;
  double relaxation_seconds_ = 0;
  double ilp_seconds_ = 0;
};

}  // namespace wp::sortition
