#include "features/dashboards/outcomes.h"

#include <algorithm>

namespace wp::dashboards {

namespace {

CellState StateOf(const std::optional<int64_t>& v) { return v ? CellState::kShown : CellState::kHidden; }

}  // namespace

ProtectedTable ProtectQuarters(const std::vector<QuarterOutcome>& quarters, bool year_ended) {
  CountTable t;
  for (const auto& q : quarters) t.cells.push_back({q.in_time, q.late});
  // While the year runs: no year totals, so a quarter's decisions depend on
  // that quarter alone.
  t.column_total_states = {CellState::kHidden, CellState::kHidden};
  t.grand_total_state = CellState::kHidden;
  ProtectedTable running = Protect(t);
  if (!year_ended) return running;
  CountTable year = t;
  year.column_total_states.clear();
  year.grand_total_state = CellState::kFree;
  for (size_t r = 0; r < running.cells.size(); ++r) {
    year.cell_states.push_back({StateOf(running.cells[r][0]), StateOf(running.cells[r][1])});
    year.row_total_states.push_back(StateOf(running.row_totals[r]));
  }
  return Protect(year);
}

std::optional<Turnout> TurnoutFromBands(const std::optional<Band>& ballots, const std::optional<Band>& eligible) {
  if (!ballots || !eligible || eligible->high == 0) return std::nullopt;
  if (ballots->high == 0) return Turnout{0, 0};
  int64_t low = 100 * ballots->low / eligible->high;
  int64_t high = (100 * ballots->high + eligible->low - 1) / eligible->low;
  return Turnout{std::min<int64_t>(low, 100), std::min<int64_t>(high, 100)};
}

}  // namespace wp::dashboards
