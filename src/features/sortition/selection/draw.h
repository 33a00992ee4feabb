// DrawPanel: the whole selection — check the quotas, compute the fair
// distribution (LEXIMIN, MAXIMIN) or run the legacy greedy draw, round to a
// published lottery and draw one ticket from the public seed. Same inputs and
// seed give the same panel on every run and machine.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"
#include "features/sortition/selection/leximin.h"
#include "features/sortition/selection/lottery.h"
#include "features/sortition/selection/replacement.h"

namespace wp::sortition {

enum class Algorithm { kLeximin, kMaximin, kNash, kLegacy };

std::string AlgorithmName(Algorithm algorithm);

// How LEXIMIN (also NASH's start) is computed; published with each draw so
// that `draw --verify` replays it the same way. Draws published before the
// relaxation path existed name no method: column generation.
inline constexpr char kMethodRelaxationFirst[] = "relaxation-first";
inline constexpr char kMethodColumnGeneration[] = "column-generation";

struct DrawOptions {
  Algorithm algorithm = Algorithm::kLeximin;
  std::string seed;            // the public seed; required
  int lottery_tickets = 1000;  // m, the number of tickets in the published lottery
  int legacy_runs = 1000;      // legacy only: draws used to estimate probabilities
  // LEXIMIN and NASH: the relaxation path first (kMethodRelaxationFirst), or
  // column generation only (kMethodColumnGeneration, to replay older draws).
  bool relaxation_first = true;
  // Optional: progress of the LEXIMIN/MAXIMIN computation (levels fixed,
  // panels, elapsed time), called on the calling thread.
  std::function<void(const FairnessProgress&)> progress;
};

struct DrawOutcome {
  std::vector<int> panel;                   // agent indices, ascending
  std::vector<double> probability;          // per agent; legacy: estimated from legacy_runs draws
  std::vector<double> lottery_probability;  // per agent under the published lottery; empty for legacy
  double min_probability = 0;               // minimum of `probability`
  std::vector<int> unreachable;             // agents in no feasible panel
  TypeModel types;
  Lottery lottery;  // empty for legacy
  int ticket = 0;   // drawn ticket (1-based); 0 for legacy
  FairnessStats stats;
};

// Fails with kInvalidInput (detail explains which quota cannot be met and by
// how much, or the smallest relaxation) if no panel meets the quotas, or if
// the seed is empty.
Result<DrawOutcome> DrawPanel(const Instance& instance, const DrawOptions& options, Solvers solvers);

struct ReplacementOutcome {
  ReplacementProblem problem;
  DrawOutcome draw;               // indices refer to problem.instance
  std::vector<int> replacements;  // original agent indices
  std::vector<int> new_panel;     // kept + replacements, original indices, ascending
};

// Draws replacements for `dropouts` (original agent indices) on `panel` with
// the same algorithm and transparency; see replacement.h. Errors as for
// BuildReplacementProblem and DrawPanel.
Result<ReplacementOutcome> DrawReplacements(const Instance& instance, const std::vector<int>& panel,
                                            const std::vector<int>& dropouts, const DrawOptions& options,
                                            Solvers solvers);

}  // namespace wp::sortition
