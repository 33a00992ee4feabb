#include "features/dashboards/suppression.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <utility>

namespace wp::dashboards {

bool IsSmallGroup(int64_t count) { return count >= 1 && count < kMinGroup; }

namespace {

// The table with its totals as one (rows + 1) x (columns + 1) grid: the last
// column holds the row totals, the last row the column totals, the corner the
// grand total. Every line (a row or a column of the grid) is parts plus its
// total, the last element.
class Grid {
 public:
  explicit Grid(const CountTable& t)
      : rows_(t.cells.size()), cols_(t.cells.empty() ? 0 : t.cells[0].size()) {
    size_t w = cols_ + 1;
    value_.assign((rows_ + 1) * w, 0);
    hidden_.assign(value_.size(), false);
    fixed_.assign(value_.size(), false);
    for (size_t r = 0; r < rows_; ++r) {
      for (size_t c = 0; c < cols_; ++c) {
        int64_t v = t.cells[r][c];
        value_[r * w + c] = v;
        value_[r * w + cols_] += v;
        value_[rows_ * w + c] += v;
        value_[rows_ * w + cols_] += v;
      }
    }
    for (size_t r = 0; r < rows_ && r < t.cell_states.size(); ++r) {
      for (size_t c = 0; c < cols_ && c < t.cell_states[r].size(); ++c) Fix(Index(r, c), t.cell_states[r][c]);
    }
    for (size_t r = 0; r < rows_ && r < t.row_total_states.size(); ++r) Fix(Index(r, cols_), t.row_total_states[r]);
    for (size_t c = 0; c < cols_ && c < t.column_total_states.size(); ++c) {
      Fix(Index(rows_, c), t.column_total_states[c]);
    }
    Fix(Index(rows_, cols_), t.grand_total_state);
    for (size_t i = 0; i < value_.size(); ++i) {
      if (!fixed_[i] && IsSmallGroup(value_[i])) hidden_[i] = true;
    }
  }

  size_t rows() const { return rows_; }
  size_t cols() const { return cols_; }
  size_t Index(size_t r, size_t c) const { return r * (cols_ + 1) + c; }
  int64_t value(size_t i) const { return value_[i]; }
  bool hidden(size_t i) const { return hidden_[i]; }
  bool Free(size_t i) const { return !fixed_[i] && !hidden_[i]; }
  void Hide(size_t i) { hidden_[i] = true; }

  // The elements of every line: rows 0..rows(), then columns 0..cols().
  std::vector<std::vector<size_t>> Lines() const {
    std::vector<std::vector<size_t>> lines;
    for (size_t r = 0; r <= rows_; ++r) {
      std::vector<size_t> line;
      for (size_t c = 0; c <= cols_; ++c) line.push_back(Index(r, c));
      lines.push_back(std::move(line));
    }
    for (size_t c = 0; c <= cols_; ++c) {
      std::vector<size_t> line;
      for (size_t r = 0; r <= rows_; ++r) line.push_back(Index(r, c));
      lines.push_back(std::move(line));
    }
    return lines;
  }

  ProtectedTable Result() const {
    ProtectedTable out;
    auto shown = [&](size_t i) -> std::optional<int64_t> {
      if (hidden_[i]) return std::nullopt;
      return value_[i];
    };
    out.cells.resize(rows_);
    for (size_t r = 0; r < rows_; ++r) {
      for (size_t c = 0; c < cols_; ++c) out.cells[r].push_back(shown(Index(r, c)));
      out.row_totals.push_back(shown(Index(r, cols_)));
    }
    for (size_t c = 0; c < cols_; ++c) out.column_totals.push_back(shown(Index(rows_, c)));
    out.grand_total = shown(Index(rows_, cols_));
    return out;
  }

 private:
  void Fix(size_t i, CellState s) {
    if (s == CellState::kFree) return;
    fixed_[i] = true;
    hidden_[i] = (s == CellState::kHidden);
  }

  size_t rows_, cols_;
  std::vector<int64_t> value_;
  std::vector<bool> hidden_, fixed_;
};

// Rule 2b: in a line whose total is shown, the hidden parts together are 0 or
// at least kMinGroup. Hides the smallest free nonzero part (else the total)
// of the first line that breaks it. Returns true when it hid something.
bool FixLineSums(Grid& g) {
  for (const auto& line : g.Lines()) {
    size_t total = line.back();
    if (g.hidden(total)) continue;
    int64_t sum = 0;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
      if (g.hidden(line[k])) sum += g.value(line[k]);
    }
    if (!IsSmallGroup(sum)) continue;
    std::optional<size_t> pick;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
      size_t i = line[k];
      if (g.Free(i) && g.value(i) > 0 && (!pick || g.value(i) < g.value(*pick))) pick = i;
    }
    if (!pick && g.Free(total)) pick = total;
    if (pick) {
      g.Hide(*pick);
      return true;
    }
  }
  return false;
}

// Bridges of the graph whose nodes are the grid's rows (0..rows) and columns
// (rows+1..), and whose edges are the hidden elements. A hidden element that
// is a bridge has one possible value.
class BridgeFinder {
 public:
  explicit BridgeFinder(const Grid& g) : nodes_(g.rows() + g.cols() + 2), adj_(nodes_) {
    for (size_t r = 0; r <= g.rows(); ++r) {
      for (size_t c = 0; c <= g.cols(); ++c) {
        size_t i = g.Index(r, c);
        if (!g.hidden(i)) continue;
        size_t a = r, b = g.rows() + 1 + c;
        adj_[a].push_back({b, i});
        adj_[b].push_back({a, i});
      }
    }
  }

  // The hidden elements that are bridges, in grid order.
  std::vector<size_t> Bridges() {
    order_.assign(nodes_, 0);
    low_.assign(nodes_, 0);
    counter_ = 0;
    bridges_.clear();
    for (size_t n = 0; n < nodes_; ++n) {
      if (order_[n] == 0) Visit(n, std::numeric_limits<size_t>::max());
    }
    std::sort(bridges_.begin(), bridges_.end());
    return bridges_;
  }

 private:
  void Visit(size_t n, size_t via_edge) {
    order_[n] = low_[n] = ++counter_;
    for (const auto& [next, edge] : adj_[n]) {
      if (edge == via_edge) continue;
      if (order_[next] == 0) {
        Visit(next, edge);
        low_[n] = std::min(low_[n], low_[next]);
        if (low_[next] > order_[n]) bridges_.push_back(edge);
      } else {
        low_[n] = std::min(low_[n], order_[next]);
      }
    }
  }

  size_t nodes_;
  std::vector<std::vector<std::pair<size_t, size_t>>> adj_;
  std::vector<size_t> order_, low_, bridges_;
  size_t counter_ = 0;
};

bool IsBridge(const Grid& g, size_t element) {
  auto b = BridgeFinder(g).Bridges();
  return std::binary_search(b.begin(), b.end(), element);
}

// Breaks bridge `e` at (r, c): first one more hidden element in its row or
// column when that is enough, else the cheapest rectangle r-c-r2-c2 of free
// or hidden elements. Returns true when it hid something.
bool BreakBridge(Grid& g, size_t r, size_t c) {
  size_t e = g.Index(r, c);
  std::vector<size_t> singles;
  for (size_t k = 0; k <= g.cols(); ++k) {
    if (g.Free(g.Index(r, k))) singles.push_back(g.Index(r, k));
  }
  for (size_t k = 0; k <= g.rows(); ++k) {
    if (g.Free(g.Index(k, c))) singles.push_back(g.Index(k, c));
  }
  std::stable_sort(singles.begin(), singles.end(),
                   [&](size_t a, size_t b) { return g.value(a) < g.value(b) || (g.value(a) == g.value(b) && a < b); });
  for (size_t i : singles) {
    Grid trial = g;
    trial.Hide(i);
    if (!IsBridge(trial, e)) {
      g.Hide(i);
      return true;
    }
  }
  std::optional<std::vector<size_t>> best;
  int64_t best_cost = 0;
  for (size_t r2 = 0; r2 <= g.rows(); ++r2) {
    for (size_t c2 = 0; c2 <= g.cols() && r2 != r; ++c2) {
      if (c2 == c) continue;
      std::vector<size_t> add;
      int64_t cost = 0;
      bool possible = true;
      for (size_t i : {g.Index(r, c2), g.Index(r2, c), g.Index(r2, c2)}) {
        if (g.hidden(i)) continue;
        if (!g.Free(i)) possible = false;
        add.push_back(i);
        cost += g.value(i);
      }
      if (possible && !add.empty() && (!best || cost < best_cost)) {
        best = add;
        best_cost = cost;
      }
    }
  }
  if (!best) return false;
  for (size_t i : *best) g.Hide(i);
  return true;
}

// Rule 2a for the first small hidden element that is a bridge and can be
// protected. Returns true when it hid something.
bool FixBridges(Grid& g) {
  for (size_t e : BridgeFinder(g).Bridges()) {
    if (!IsSmallGroup(g.value(e))) continue;
    size_t r = e / (g.cols() + 1), c = e % (g.cols() + 1);
    if (BreakBridge(g, r, c)) return true;
  }
  return false;
}

}  // namespace

ProtectedTable Protect(const CountTable& table) {
  Grid g(table);
  while (FixLineSums(g) || FixBridges(g)) {
  }
  return g.Result();
}

std::optional<Band> Coarsen(int64_t count) {
  if (count <= 0) return Band{0, 0};
  if (IsSmallGroup(count)) return std::nullopt;
  int64_t low = count / kMinGroup * kMinGroup;
  return Band{low, low + kMinGroup - 1};
}

}  // namespace wp::dashboards
