// Tie-breaking orders for the counting rules. Every rule takes one, so that a
// result never depends on hash order or on floating-point noise.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "features/budgets/counting/election.h"

namespace wp::budgets::counting {

enum class TieBreak {
  // Product default: lower cost, then more votes, then the lower project id
  // (numerically when both ids are integers). Cheaper first is what real city
  // counts did (Warsaw Bródno 2019) and what equalshares.net recommends.
  kCostVotesId,
  // pabutools' lexico_tie_breaking: project id ascending as byte strings
  // ("10" < "9").
  kIdString,
  // JavaScript object-key order, as the equalshares.net tool's greedy
  // completion keeps it: canonical integer ids ascending numerically, then the
  // other ids in file order.
  kJsKeyOrder,
};

std::string_view TieBreakName(TieBreak t);  // "cost-votes-id", "id", "js-key-order"
std::optional<TieBreak> ParseTieBreak(std::string_view name);

// rank[p] = position of project p in the tie-breaking order (0 wins).
std::vector<int> TieBreakRanks(const Election& election, TieBreak t);

// Compares ids the way people read them: both integers -> numerically,
// otherwise as byte strings. Returns <0, 0, >0.
int CompareIdsNaturally(std::string_view a, std::string_view b);

}  // namespace wp::budgets::counting
