// The Method of Equal Shares (Peters & Skowron, "Proportional participatory
// budgeting with additive utilities", NeurIPS 2021; equalshares.net) for
// approval ballots, with cost or cardinality utilities and the completions in
// use (add-one variants, greedy completion). Pure: no I/O; safe to call from any thread.
//
// Every voter gets an equal share e of the budget (normally B/n, blank
// ballots included). Each round funds the project whose supporters can pay
// its cost at the lowest price per unit of utility: supporters pay equally,
// rho each, except those with less than rho left, who pay all they have. With
// cost utilities the price per unit is rho/cost (so the rule follows vote
// counts); with cardinality utilities it is rho (it follows votes per euro).
// A project whose supporters together hold less than its cost is dropped for
// good. Ties (exactly equal prices) go to the tie-breaking order.
//
// Arithmetic: by default every run is done in doubles and any decision that
// lies within a relative 1e-9 of flipping (two prices, or a project's money
// against its cost) sends the run to an exact rational recount, so the
// outcome is the exact one (tested against exact-only runs on real data).
#pragma once

#include "features/budgets/counting/count_result.h"
#include "features/budgets/counting/election.h"
#include "features/budgets/counting/greedy.h"
#include "features/budgets/counting/tie_break.h"

namespace wp::budgets::counting {

enum class MesUtility { kCost, kCardinality };

enum class MesCompletion {
  kNone,  // plain MES: usually spends 60-80% of the budget
  // Add1 as in pabutools (voter_budget_increment=1): start at exactly B/n;
  // rerun with +1 currency unit per voter until the outcome is exhaustive
  // (no unselected supported project fits) or over budget (then the previous
  // outcome is kept).
  kAddOne,
  // Add1 as defined by Pabulib and equalshares.net, which reproduces the
  // official Wieliczka 2023, Assen 2024 and Swiecie 2023 results: start at
  // floor(B/n) whole currency units; raise by 1 as long as the next outcome
  // still fits in the budget.
  kAddOneIntegral,
  // kAddOneIntegral that also stops at the first exhaustive outcome
  // (equalshares.net tool option "exhaustive").
  kAddOneIntegralExhaustive,
  kGreedy,         // MES, then greedy by votes with the money left
  kAddOneGreedy,   // kAddOne, then greedy (pabutools rule combination)
  // kAddOneIntegralExhaustive, then greedy by votes: the equalshares.net
  // tool's default "add1u".
  kAddOneU,
};

std::string_view MesCompletionName(MesCompletion c);  // "none", "add1", "add1-integral", ...
std::optional<MesCompletion> ParseMesCompletion(std::string_view name);

struct MesOptions {
  MesUtility utility = MesUtility::kCost;
  MesCompletion completion = MesCompletion::kNone;
  TieBreak tie_break = TieBreak::kCostVotesId;
  // The greedy stage of kGreedy/kAddOneGreedy/kAddOneU. Its key is forced to
  // votes for cost utilities and votes per cost for cardinality utilities.
  GreedyOptions greedy;
  Arithmetic arithmetic = Arithmetic::kAuto;
};

// Counts `election` (REQUIRES: election.IsApproval()). Returns the winners in
// selection order; the report has the MES rounds of the final run, the
// per-voter budget and, for Add1, how it was raised. Invariant (tested): the
// total cost never exceeds the budget.
CountResult CountEqualShares(const Election& election, const MesOptions& options);

}  // namespace wp::budgets::counting
