#include "features/surveys/suppression.h"

#include <cstddef>
#include <numeric>

namespace wp::surveys {

bool Table::AnyHidden() const {
  for (const auto& c : cells) {
    if (!c.shown) return true;
  }
  return !total_shown;
}

int64_t Table::HiddenSum() const {
  int64_t sum = 0;
  for (const auto& c : cells) {
    if (!c.shown) sum += c.count;
  }
  return sum;
}

Table Hidden(const std::vector<int64_t>& counts) {
  Table t;
  t.total = std::accumulate(counts.begin(), counts.end(), int64_t{0});
  for (int64_t n : counts) t.cells.push_back({n, false});
  return t;
}

Table Suppress(const std::vector<int64_t>& counts, int64_t min_group) {
  Table t = Hidden(counts);
  if (t.total < min_group) return t;
  t.total_shown = true;
  std::size_t hidden = 0;
  int64_t hidden_sum = 0;
  for (auto& c : t.cells) {
    c.shown = c.count >= min_group || c.count == 0;  // a 0 names no one
    if (!c.shown) {
      ++hidden;
      hidden_sum += c.count;
    }
  }
  while (hidden > 0 && (hidden == 1 || hidden_sum < min_group)) {
    Cell* smallest = nullptr;
    for (auto& c : t.cells) {
      if (c.shown && c.count > 0 && (smallest == nullptr || c.count < smallest->count)) smallest = &c;
    }
    if (smallest == nullptr) break;  // every cell with people hidden; the total stays
    smallest->shown = false;
    ++hidden;
    hidden_sum += smallest->count;
  }
  return t;
}

}  // namespace wp::surveys
