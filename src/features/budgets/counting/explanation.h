// Explanation: the facts a resident needs to follow a count, taken from a
// CountResult: for each chosen plan, in order, why it was chosen (the money
// left before it; with equal shares, what each of its voters paid), for each
// other plan why it was not chosen, and why money was left. Pages turn it
// into plain sentences with the i18n catalogs; the technical report
// (RenderText) stays the full account.
//
// Stored as JSON with a counted result, so a results page never recounts.
// Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/budgets/counting/count_result.h"
#include "features/budgets/counting/election.h"

namespace wp::budgets::counting {

// The family of the rule, as far as the sentences differ.
enum class ExplainedRule {
  kMostVotes,    // greedy: the plan with the most votes that still fits, and so on
  kEqualShares,  // Method of Equal Shares: voters share the cost of their plans
  kOther,        // Phragmen, utilitarian: told only as chosen / not chosen
};

struct ChosenPlan {
  std::string id, name;  // the Pabulib project id and name
  int64_t cost_cents = 0;
  int64_t votes = 0;
  int64_t money_left_before_cents = 0;  // the budget minus the plans chosen before it
  bool by_completion = false;           // chosen in the greedy completion after equal shares
  // Equal shares: what each of its voters paid at most, rounded up to a whole
  // cent (-1 when not known, e.g. a plan that costs nothing).
  int64_t share_cents = -1;
  int64_t voters_short = 0;  // voters who paid everything they had left (less than the share)
};

struct OtherPlan {
  std::string id, name;
  int64_t cost_cents = 0;
  int64_t votes = 0;
  Verdict verdict = Verdict::kNotReached;
  int64_t money_left_cents = -1;  // kDoesNotFit: the money left at its turn (-1: not known)
};

struct Explanation {
  ExplainedRule rule = ExplainedRule::kOther;
  int64_t budget_cents = 0;
  int64_t ballots = 0;
  bool split_budget = false;  // each voter split the budget (knapsack ballots)
  // Equal shares: each voter's part of the budget at the start (budget /
  // ballots) and in the run that counted (higher when the completion raised it).
  int64_t share_per_voter_cents = 0;
  int64_t final_share_per_voter_cents = 0;
  int64_t vote_threshold = 0;  // the votes a plan needed (0: none stated)
  std::vector<ChosenPlan> chosen;  // in the order they were chosen
  std::vector<OtherPlan> others;   // most votes first
  int64_t total_cost_cents = 0;
  int64_t leftover_cents = 0;
  // True when every plan that was not chosen and had votes costs more than
  // the money left: the leftover was too little for any of them.
  bool leftover_fits_no_plan = true;
};

// REQUIRES: `result` was counted from `election` (and Finish was called).
// `vote_threshold` is the minimum number of votes the rule applied (0 if none).
Explanation Explain(const Election& election, const CountResult& result, int64_t vote_threshold = 0);

std::string ExplanationToJson(const Explanation& explanation);
// kInvalidInput when `json` is not an explanation written by ExplanationToJson.
Result<Explanation> ExplanationFromJson(const std::string& json);

}  // namespace wp::budgets::counting
