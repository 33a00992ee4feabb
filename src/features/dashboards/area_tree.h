// The counts of one measure (members, signals, ...) over the area hierarchy
// (city -> stadsdelen -> wijken -> buurten) and the quarters of a year, in
// the coarsened form of suppression.h: each level and each period on its own
// page, and none of them together shows a group smaller than kMinGroup. Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/dashboards/suppression.h"

namespace wp::dashboards {

// An area with its counts per column (the quarters of a year). An area with
// children gets the sums of its children; `values` counts only for leaves.
struct AreaCounts {
  std::string key;  // unique in the tree, e.g. "WK039201"
  std::vector<int64_t> values;
  std::vector<AreaCounts> children;
};

// What may be shown of one area: a band per column and for the row's total;
// nullopt where the count is small.
struct BandedRow {
  std::vector<std::optional<Band>> values;
  std::optional<Band> total;
};

// The sums of `root` (a leaf keeps its values, padded with 0 to the widest
// leaf), coarsened. The row total is the sum of the columns, or for a
// `stock` (members at the end of each quarter) the last column. Returns a
// row per key of the tree.
std::map<std::string, BandedRow> CoarsenTree(const AreaCounts& root, bool stock = false);

}  // namespace wp::dashboards
