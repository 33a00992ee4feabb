// Transparent final draw (Flanigan, Kehne, Procaccia, "Fair sortition made
// transparent", NeurIPS 2021): round a distribution over panels to a uniform
// lottery over m tickets, publish the ticket list, then draw one ticket from a
// public seed. The rounding is deterministic (each panel gets floor or ceil
// of m*x_P tickets: largest remainders, then swaps that lower the largest
// change of anyone's probability), so the list can be published before the
// seed is known.
#pragma once

#include <string_view>
#include <vector>

#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/leximin.h"

namespace wp::sortition {

struct Lottery {
  int tickets = 0;                       // m
  std::vector<Composition> panels;       // panels with at least one ticket
  std::vector<int> ticket_count;         // per panel; sums to m
  std::vector<double> type_probability;  // per type under the lottery
  double max_deviation = 0;              // max_t |lottery - distribution| probability

  // Panel index holding ticket number `ticket` (1-based; tickets are numbered
  // panel by panel in order).
  int PanelOfTicket(int ticket) const;
};

// Rounds `d` to a lottery with `tickets` tickets. REQUIRES: tickets >= 1.
Lottery RoundToLottery(const Distribution& d, const TypeModel& types, int tickets);

struct DrawnPanel {
  int ticket = 0;            // 1-based
  int lottery_panel = 0;     // index into Lottery::panels
  std::vector<int> members;  // agent indices, ascending
};

// Draws ticket 1 + Uniform(m) from SeedStream(seed, "ticket"), then fills each
// type's count with members chosen uniformly (partial Fisher-Yates in file
// order) from SeedStream(seed, "members").
DrawnPanel DrawFromLottery(const Lottery& lottery, const TypeModel& types, std::string_view seed);

}  // namespace wp::sortition
