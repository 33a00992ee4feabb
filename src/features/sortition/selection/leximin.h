// LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for
// selecting citizens' assemblies", Nature 596, 2021), over agent types.
// First the fast path of relaxation.h: LEXIMIN over the LP relaxation of the
// panel polytope (small LPs, each level an LP optimum over a superset of
// what distributions can reach) and a walk that decomposes that point into
// panels; when it decomposes, it is LEXIMIN's answer. Otherwise
// column generation with an LP master and the PanelOracle ILP for pricing;
// maximise the lowest selection probability, fix the people whose dual is
// positive, repeat; then decompose the result into a distribution over
// panels. MAXIMIN is the first round only.
// Exact: each round's column generation runs until the pricing problem proves
// (LP relaxation bound or Cbc to optimality) that no panel improves the
// master by more than kPricingTolerance, so each fixed level is certified by
// the LP dual to that tolerance (FairnessStats::levels). The master LP stays
// loaded in Clp between rounds and levels.
// Invariants the tests check: every panel in the support is feasible, the
// probabilities sum to k, and the minimum matches the known optimum.
#pragma once

#include <functional>
#include <vector>

#include "core/result.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

enum class Fairness { kLeximin, kMaximin };

// Column generation stops when no panel has a reduced cost above this.
inline constexpr double kPricingTolerance = 1e-7;

// Where a long run is; reported after each level is fixed and every 50 columns.
struct FairnessProgress {
  int levels_fixed = 0;
  int types_fixed = 0;
  int types = 0;
  int columns = 0;
  double elapsed_seconds = 0;
};

struct FairnessOptions {
  Fairness objective = Fairness::kLeximin;
  // Multiplicative-weights warm start: at most this many oracle calls
  // (default 1 per type), stopping after `warm_start_patience` calls in a row
  // that find no new panel.
  int warm_start_rounds = -1;
  int warm_start_patience = 15;
  // LEXIMIN: try the relaxation path first (relaxation.h). false: column
  // generation only (the tests' cross-check and the benchmark's baseline).
  bool relaxation_first = true;
  // Optional: called with the progress of a long run (same thread).
  std::function<void(const FairnessProgress&)> progress;
};

// A probability distribution over panels (as type compositions).
struct Distribution {
  std::vector<Composition> panels;
  std::vector<double> weights;            // probability of each panel; sums to 1
  std::vector<double> type_probability;   // selection probability per type
  std::vector<double> agent_probability;  // selection probability per agent
  double min_probability = 0;
  std::vector<int> unreachable_agents;  // in no feasible panel at all (probability 0)
};

// One fixed level: the types fixed at `value`, certified by the LP dual: no
// distribution gives all the types still open then more than `upper_bound`.
struct FixedLevel {
  double value = 0;
  double upper_bound = 0;
  int types_fixed = 0;
  int columns = 0;  // panels known when it was fixed
};

struct FairnessStats {
  int types = 0;
  int outer_rounds = 0;
  int lp_solves = 0;
  int ilp_calls = 0;
  int lp_relaxations = 0;  // pricing LPs (integral ones need no ILP)
  int columns = 0;
  double decomposition_error = 0;  // largest shortfall of a type below its fixed level
  // Processor seconds in the master LP, the pricing LP relaxations and Cbc.
  double master_seconds = 0;
  double relaxation_seconds = 0;
  double ilp_seconds = 0;
  std::vector<FixedLevel> levels;
  // LEXIMIN only: true when the relaxation path (relaxation.h) found the
  // distribution; false when column generation did (MAXIMIN always).
  bool by_relaxation = false;
  int walk_steps = 0;
};

// Finds the LEXIMIN (or MAXIMIN) distribution. Fails with kInvalidInput if no
// panel satisfies the quotas, and with kInternal if the solver fails.
// Deterministic. `stats` may be null.
Result<Distribution> FindFairDistribution(const Instance& instance, const TypeModel& types, Solvers solvers,
                                          const FairnessOptions& options, FairnessStats* stats = nullptr);

// Selection probability of each type under `weights` over `panels`.
std::vector<double> TypeProbabilities(const TypeModel& types, const std::vector<Composition>& panels,
                                      const std::vector<double>& weights);

}  // namespace wp::sortition
