// Greedy counting rules: projects in order of a score, each funded when it
// still fits in the money left (by votes, or by votes per euro; pabutools
// greedy_utilitarian_welfare). Pure: no I/O; safe to call from any thread.
#pragma once

#include <cstdint>
#include <string>

#include "features/budgets/counting/count_result.h"
#include "features/budgets/counting/election.h"
#include "features/budgets/counting/tie_break.h"

namespace wp::budgets::counting {

enum class GreedyKey {
  kVotes,         // approvals, descending: cost utilities ("greedy-cost", the usual city rule)
  kVotesPerCost,  // approvals per euro, descending: cardinality utilities ("greedy-card")
  kScore,         // points (cumulative, scoring, ordinal ballots), descending
};

struct GreedyOptions {
  GreedyKey key = GreedyKey::kVotes;
  // true: skip a project that does not fit and go on (rule "greedy");
  // false: stop at the first one ("greedy-no-skip").
  bool skip = true;
  // Projects with fewer votes (points for kScore) are never funded. 1 keeps
  // unsupported projects out (product default); 0 reproduces pabutools, which
  // funds zero-vote projects when money is left.
  int64_t min_votes = 1;
  // Equal keys: the tie-breaking order decides.
  TieBreak tie_break = TieBreak::kCostVotesId;
};

// Greedy count. Keys are compared exactly (votes * cost cross products in
// 128-bit integers). Returns the winners in selection order.
// Invariants (tested): total cost <= budget; with skip, every unfunded
// eligible project costs more than the money left when its turn came.
CountResult CountGreedy(const Election& election, const GreedyOptions& options);

// Greedy completion: continues `result` (already holding winners of another
// rule) with the projects not yet selected and the money left, recording the
// new winners under `stage`.
void CompleteGreedily(const Election& election, const GreedyOptions& options, const std::string& stage,
                      CountResult& result);

std::string_view GreedyKeyName(GreedyKey key);  // "greedy-cost", "greedy-card", "greedy-points"

}  // namespace wp::budgets::counting
