#include "features/sortition/selection/draw.h"

#include <algorithm>

#include "core/strings.h"
#include "features/sortition/selection/feasibility.h"
#include "features/sortition/selection/legacy.h"
#include "features/sortition/selection/nash.h"
#include "features/sortition/selection/panel_oracle.h"
#include "features/sortition/selection/seed_stream.h"

namespace wp::sortition {

std::string AlgorithmName(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kLeximin:
      return "leximin";
    case Algorithm::kMaximin:
      return "maximin";
    case Algorithm::kNash:
      return "nash";
    case Algorithm::kLegacy:
      return "legacy";
  }
  return "unknown";
}

Result<DrawOutcome> DrawPanel(const Instance& instance, const DrawOptions& options, Solvers solvers) {
  if (options.seed.empty()) return DrawFailure("", {{DrawErrorKind::kNoSeed, ""}});
  if (options.lottery_tickets < 1) return DrawFailure("", {{DrawErrorKind::kNoTickets, ""}});
  std::vector<DrawProblem> problems = FindCountingProblems(instance);
  if (!problems.empty()) return DrawFailure("the quotas cannot be met", problems);
  DrawOutcome out;
  out.types = GroupAgentsByType(instance);
  {
    PanelOracle oracle(instance, out.types, solvers.mip);
    if (!oracle.Best(std::vector<double>(out.types.types.size(), 0.0))) {
      return InfeasibilityError(instance, out.types, solvers.mip);
    }
  }
  if (options.algorithm == Algorithm::kLegacy) {
    SeedStream stream(options.seed, "legacy");
    WP_ASSIGN_OR_RETURN(out.panel, DrawLegacy(instance, stream));
    WP_ASSIGN_OR_RETURN(out.probability, EstimateLegacyProbabilities(instance, options.legacy_runs, options.seed));
    out.min_probability = *std::min_element(out.probability.begin(), out.probability.end());
    return out;
  }
  Distribution d;
  if (options.algorithm == Algorithm::kNash) {
    NashOptions nash;
    nash.relaxation_first = options.relaxation_first;
    WP_ASSIGN_OR_RETURN(d, FindNashDistribution(instance, out.types, solvers, nash));
  } else {
    FairnessOptions fairness;
    fairness.objective = options.algorithm == Algorithm::kMaximin ? Fairness::kMaximin : Fairness::kLeximin;
    fairness.progress = options.progress;
    fairness.relaxation_first = options.relaxation_first;
    WP_ASSIGN_OR_RETURN(d, FindFairDistribution(instance, out.types, solvers, fairness, &out.stats));
  }
  out.probability = d.agent_probability;
  out.min_probability = d.min_probability;
  out.unreachable = d.unreachable_agents;
  out.lottery = RoundToLottery(d, out.types, options.lottery_tickets);
  out.lottery_probability.resize(instance.agents.size());
  for (size_t i = 0; i < instance.agents.size(); ++i) {
    out.lottery_probability[i] = out.lottery.type_probability[out.types.type_of_agent[i]];
  }
  DrawnPanel drawn = DrawFromLottery(out.lottery, out.types, options.seed);
  out.ticket = drawn.ticket;
  out.panel = drawn.members;
  return out;
}

Result<ReplacementOutcome> DrawReplacements(const Instance& instance, const std::vector<int>& panel,
                                            const std::vector<int>& dropouts, const DrawOptions& options,
                                            Solvers solvers) {
  ReplacementOutcome out;
  WP_ASSIGN_OR_RETURN(out.problem, BuildReplacementProblem(instance, panel, dropouts));
  auto draw = DrawPanel(out.problem.instance, options, solvers);
  if (!draw.has_value()) {
    Error e = std::move(draw).error();
    e.detail = "no replacements possible: " + e.detail;
    return e;
  }
  out.draw = std::move(*draw);
  out.new_panel = out.problem.kept;
  for (int m : out.draw.panel) {
    out.replacements.push_back(out.problem.original_index[m]);
    out.new_panel.push_back(out.problem.original_index[m]);
  }
  std::sort(out.replacements.begin(), out.replacements.end());
  std::sort(out.new_panel.begin(), out.new_panel.end());
  return out;
}

}  // namespace wp::sortition
