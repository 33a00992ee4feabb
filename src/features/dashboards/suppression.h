// Statistical disclosure control for the dashboards: which counts of a table
// may be shown so that no group smaller than kMinGroup can be seen or worked
// out, also by subtracting totals, other tables (a wijk and its buurten) or
// other periods (a year and its quarters). Pure: no I/O; thread-safe.
//
// The rule (README "Privacy"):
//  1. Primary suppression: a count from 1 to kMinGroup - 1 is never shown. 0 is
//     shown (it names nobody).
//  2. Complementary suppression: a table is published with its totals. A
//     hidden count must not follow from the shown ones: (a) in the graph of
//     hidden cells (rows and columns as nodes, a hidden cell as an edge, the
//     totals as an extra row and column), a hidden cell that is a bridge has
//     exactly one value, so every hidden small count lies on a cycle; (b) in a
//     line (row or column) whose total is shown, the hidden counts together
//     are 0 or at least kMinGroup. More counts are hidden, smallest first,
//     until both hold.
//  3. Where tables overlap in more ways than one table's totals (the same
//     count per buurt, wijk, stadsdeel and city, per quarter and per year,
//     per theme and per area), counts are coarsened instead: a count of at
//     least kMinGroup is shown as its band of kMinGroup ("120 to 129"),
//     smaller ones not at all. Subtracting bands leaves a range of at least
//     kMinGroup values (or one that includes 0), never one small count.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace wp::dashboards {

inline constexpr int64_t kMinGroup = 10;

// True when `count` may never be shown on its own: 1 <= count < kMinGroup.
bool IsSmallGroup(int64_t count);

// A count or total of a table: decided here (kFree), or already decided by a
// linked table or an earlier publication: shown (kShown) or hidden (kHidden).
enum class CellState { kFree, kShown, kHidden };

// A table of counts with its totals: cells[row][column]; every row has the
// same number of columns. Totals are the sums of their lines.
struct CountTable {
  std::vector<std::vector<int64_t>> cells;
  // States of the cells, the row totals and the column totals; empty means
  // all kFree.
  std::vector<std::vector<CellState>> cell_states;
  std::vector<CellState> row_total_states;
  std::vector<CellState> column_total_states;
  CellState grand_total_state = CellState::kFree;
};

// What may be published: nullopt is a hidden count. The totals are the true
// sums (never perturbed), hidden where the rule needs.
struct ProtectedTable {
  std::vector<std::vector<std::optional<int64_t>>> cells;
  std::vector<std::optional<int64_t>> row_totals;
  std::vector<std::optional<int64_t>> column_totals;
  std::optional<int64_t> grand_total;
};

// Applies rules 1 and 2 to `table`. Deterministic: the same table gives the same
// result (ties go to the lower row, then the lower column). A kShown count is
// never hidden and a kHidden count never shown. When the fixed totals leave no
// way to protect a line, every free count of that line is hidden.
// REQUIRES: every row of `cells` has the same length; the state vectors are
// empty or as long as the rows / columns.
ProtectedTable Protect(const CountTable& table);

// A count in its band of kMinGroup (rule 3): [low, low + kMinGroup - 1].
struct Band {
  int64_t low = 0;
  int64_t high = 0;  // 0 for a count of 0
  bool operator==(const Band&) const = default;
};
// Returns {0, 0} for 0, nullopt for a small group, else the band.
std::optional<Band> Coarsen(int64_t count);

}  // namespace wp::dashboards
