// LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for
// selecting citizens' assemblies", Nature 596, 2021), over agent types:
// column generation with an LP master and the PanelOracle ILP for pricing;
// maximise the lowest selection probability, fix the people whose dual is
// positive, repeat; then decompose the result into a distribution over
// panels. MAXIMIN is the first round only.
// Invariants the tests check: every panel in the support is feasible, the
// probabilities sum to k, and the minimum matches the known optimum.
#pragma once

#include <vector>

#include "core/result.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

enum class Fairness { kLeximin, kMaximin };

struct FairnessOptions {
  Fairness objective = Fairness::kLeximin;
  // Multiplicative-weights warm start: at most this many oracle calls
  // (default 1 per type), stopping after `warm_start_patience` calls in a row
  // that find no new panel.
  int warm_start_rounds = -1;
  int warm_start_patience = 15;
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

struct FairnessStats {
  int types = 0;
  int outer_rounds = 0;
  int lp_solves = 0;
  int ilp_calls = 0;
  int columns = 0;
  double decomposition_error = 0;  // epsilon of the final decomposition LP
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
