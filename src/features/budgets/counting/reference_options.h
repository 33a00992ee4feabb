// The settings under which our rules reproduce the two reference
// implementations in testdata/expected: pabutools (ties by
// project id as text, zero-vote plans fundable) and the equalshares.net
// compute tool. Shared by reference_test.cc and bench/counting, so the test
// and the benchmark always run the same configurations.
#pragma once

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"

namespace wp::budgets::counting {

inline GreedyOptions PabutoolsGreedy(GreedyKey key) {
  GreedyOptions o;
  o.key = key;
  o.tie_break = TieBreak::kIdString;
  o.min_votes = 0;
  return o;
}

inline MesOptions PabutoolsMes(MesUtility utility, MesCompletion completion) {
  MesOptions o;
  o.utility = utility;
  o.completion = completion;
  o.tie_break = TieBreak::kIdString;
  o.greedy = PabutoolsGreedy(GreedyKey::kVotes);
  return o;
}

inline MesOptions EqualSharesTool(MesCompletion completion) {
  MesOptions o;
  o.completion = completion;
  o.tie_break = TieBreak::kCostVotesId;
  o.greedy.tie_break = TieBreak::kJsKeyOrder;
  o.greedy.min_votes = 0;
  return o;
}

}  // namespace wp::budgets::counting
