// Outcome tables of the dashboards (advice answered in time, signals handled
// in time, initiative checks within six weeks, promises kept): per quarter,
// how many were done in time and how many late, protected with suppression.h;
// and the turnout of a budget round from its shown bands. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "features/dashboards/suppression.h"

namespace wp::dashboards {

struct QuarterOutcome {
  int64_t in_time = 0;
  int64_t late = 0;
};

// The table rows = ended quarters, columns = in time, late; row totals are
// the quarters' totals. The year's column totals and grand total only when
// `year_ended`; then the quarters keep exactly the decisions they had while
// the year ran (so comparing the two publications gives nothing away).
ProtectedTable ProtectQuarters(const std::vector<QuarterOutcome>& quarters, bool year_ended);

// A turnout as a range of whole percentages.
struct Turnout {
  int64_t low = 0;
  int64_t high = 0;
  bool operator==(const Turnout&) const = default;
};
// The turnout that the shown bands of ballots and eligible voters allow:
// from the fewest ballots over the most voters (rounded down) to the most
// ballots over the fewest voters (rounded up, at most 100). Made from the
// bands only, so it tells nothing the bands do not; nullopt when either band
// is hidden or nobody could vote.
std::optional<Turnout> TurnoutFromBands(const std::optional<Band>& ballots, const std::optional<Band>& eligible);

}  // namespace wp::dashboards
