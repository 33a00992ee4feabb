// Small-group suppression (AVG): no published count is below kMinGroup, and
// no hidden count can be worked out from the numbers that are shown.
// Pure: no I/O; safe to call from any thread.
//
// A table is a list of disjoint groups (cells) that together make up its
// total, e.g. the people who chose each option of one question plus those who
// gave no answer. Rule (primary and complementary suppression, as in
// statistical disclosure control, e.g. CBS "Statistische beveiliging"):
//   1. a total below kMinGroup: nothing of the table is shown;
//   2. every cell of 1 to kMinGroup - 1 people is hidden (a 0 names no one
//      and is shown: hiding it would hide every "no answer" of 0);
//   3. while exactly one cell is hidden, or the hidden cells together are
//      fewer than kMinGroup, the smallest shown cell is hidden as well.
// Invariant (suppression_test.cc checks it and tries to break it): every
// shown number is 0 or at least kMinGroup, and the only thing the shown numbers
// say about the hidden cells is their sum (total minus the shown cells),
// which is either 0 cells or at least 2 cells with a sum of kMinGroup or
// more; each hidden cell can then be anything from 0 to that sum.
#pragma once

#include <cstdint>
#include <vector>

namespace wp::surveys {

inline constexpr int64_t kMinGroup = 10;

struct Cell {
  int64_t count = 0;
  bool shown = false;
};

struct Table {
  int64_t total = 0;
  bool total_shown = false;
  std::vector<Cell> cells;
  bool AnyHidden() const;
  // The sum of the hidden cells: what a reader can work out about them.
  int64_t HiddenSum() const;
};

// The table of `counts` (each >= 0) with the rule above. total = their sum.
Table Suppress(const std::vector<int64_t>& counts, int64_t min_group = kMinGroup);

// The whole table hidden (e.g. because its total would reveal a hidden cell
// of another table).
Table Hidden(const std::vector<int64_t>& counts);

}  // namespace wp::surveys
