// Tests of the disclosure rule: an attacker who knows every shown number and
// every sum relation (row and column totals, a wijk and its buurten, a year
// and its quarters) tries to work out a hidden small count exactly.
#include "features/dashboards/suppression.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "features/dashboards/area_tree.h"
#include "features/dashboards/outcomes.h"

namespace wp::dashboards {
namespace {

// A linear equation sum(coefficient * variable) = 0 over named quantities.
using Equation = std::vector<std::pair<std::string, int>>;

// The attacker: knows the shown values, the equations, and solves.
class Attacker {
 public:
  void Know(const std::string& name, std::optional<int64_t> shown, int64_t truth) {
    truth_[name] = truth;
    if (!shown) unknown_.insert(name);
  }
  void Add(Equation e) { equations_.push_back(std::move(e)); }

  // Hidden small counts the attacker can compute exactly.
  std::vector<std::string> Reconstructed() const {
    std::vector<std::string> names(unknown_.begin(), unknown_.end());
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < names.size(); ++i) col[names[i]] = i;
    std::vector<std::vector<double>> rows;
    for (const auto& e : equations_) {
      std::vector<double> row(names.size(), 0);
      bool any = false;
      for (const auto& [n, k] : e) {
        if (unknown_.count(n)) {
          row[col[n]] += k;
          any = true;
        }
      }
      if (any) rows.push_back(row);
    }
    size_t base = Rank(rows);
    std::vector<std::string> out;
    for (const auto& n : names) {
      if (!IsSmallGroup(truth_.at(n))) continue;
      auto with = rows;
      with.emplace_back(names.size(), 0);
      with.back()[col[n]] = 1;
      if (Rank(with) == base) out.push_back(n);
    }
    return out;
  }

  // Equations whose unknown parts all have coefficient +1 and a known rest:
  // the attacker learns their sum, a group that must not be small.
  std::vector<std::string> SmallSums() const {
    std::vector<std::string> out;
    for (const auto& e : equations_) {
      int64_t sum = 0;
      bool only_parts = true;
      for (const auto& [n, k] : e) {
        if (!unknown_.count(n)) continue;
        if (k != 1) only_parts = false;
        sum += truth_.at(n);
      }
      if (only_parts && IsSmallGroup(sum)) out.push_back(e.front().first);
    }
    return out;
  }

 private:
  static size_t Rank(std::vector<std::vector<double>> m) {
    size_t rank = 0;
    size_t cols = m.empty() ? 0 : m[0].size();
    for (size_t c = 0; c < cols && rank < m.size(); ++c) {
      size_t pivot = rank;
      for (size_t r = rank; r < m.size(); ++r) {
        if (std::fabs(m[r][c]) > std::fabs(m[pivot][c])) pivot = r;
      }
      if (std::fabs(m[pivot][c]) < 1e-9) continue;
      std::swap(m[pivot], m[rank]);
      for (size_t r = 0; r < m.size(); ++r) {
        if (r == rank || std::fabs(m[r][c]) < 1e-12) continue;
        double f = m[r][c] / m[rank][c];
        for (size_t k = c; k < cols; ++k) m[r][k] -= f * m[rank][k];
      }
      ++rank;
    }
    return rank;
  }

  std::map<std::string, int64_t> truth_;
  std::set<std::string> unknown_;
  std::vector<Equation> equations_;
};

CountTable Table(std::vector<std::vector<int64_t>> cells) {
  CountTable t;
  t.cells = std::move(cells);
  return t;
}

std::string Cell(size_t r, size_t c) { return "c" + std::to_string(r) + "_" + std::to_string(c); }

// Feeds one published table to the attacker: cells, totals and every line.
void Publish(Attacker& a, const CountTable& t, const ProtectedTable& p) {
  size_t rows = t.cells.size(), cols = rows ? t.cells[0].size() : 0;
  int64_t grand = 0;
  std::vector<int64_t> col_sum(cols, 0);
  for (size_t r = 0; r < rows; ++r) {
    int64_t row_sum = 0;
    Equation e;
    for (size_t c = 0; c < cols; ++c) {
      a.Know(Cell(r, c), p.cells[r][c], t.cells[r][c]);
      row_sum += t.cells[r][c];
      col_sum[c] += t.cells[r][c];
      e.push_back({Cell(r, c), 1});
    }
    grand += row_sum;
    a.Know("row" + std::to_string(r), p.row_totals[r], row_sum);
    e.push_back({"row" + std::to_string(r), -1});
    a.Add(e);
  }
  Equation g;
  for (size_t c = 0; c < cols; ++c) {
    Equation e;
    for (size_t r = 0; r < rows; ++r) e.push_back({Cell(r, c), 1});
    a.Know("col" + std::to_string(c), p.column_totals[c], col_sum[c]);
    e.push_back({"col" + std::to_string(c), -1});
    a.Add(e);
    g.push_back({"col" + std::to_string(c), 1});
  }
  a.Know("all", p.grand_total, grand);
  g.push_back({"all", -1});
  a.Add(g);
  Equation rows_eq;
  for (size_t r = 0; r < rows; ++r) rows_eq.push_back({"row" + std::to_string(r), 1});
  rows_eq.push_back({"all", -1});
  a.Add(rows_eq);
}

void ExpectSafe(const CountTable& t) {
  ProtectedTable p = Protect(t);
  Attacker a;
  Publish(a, t, p);
  EXPECT_TRUE(a.Reconstructed().empty()) << a.Reconstructed().front();
  EXPECT_TRUE(a.SmallSums().empty());
  for (size_t r = 0; r < t.cells.size(); ++r) {
    for (size_t c = 0; c < t.cells[r].size(); ++c) {
      if (IsSmallGroup(t.cells[r][c])) {
        EXPECT_FALSE(p.cells[r][c].has_value());
      }
      if (p.cells[r][c]) {
        EXPECT_EQ(*p.cells[r][c], t.cells[r][c]);  // never perturbed
      }
    }
  }
}

TEST(SmallGroupTest, BoundsOfThePrimaryRule) {
  EXPECT_FALSE(IsSmallGroup(0));
  EXPECT_TRUE(IsSmallGroup(1));
  EXPECT_TRUE(IsSmallGroup(9));
  EXPECT_FALSE(IsSmallGroup(10));
}

TEST(ProtectTest, AttackerFindsAnUnprotectedCell) {
  // The control: only the primary rule, so the row total gives the 3 back.
  CountTable t = Table({{3, 40}, {30, 12}});
  ProtectedTable p;
  p.cells = {{std::nullopt, 40}, {30, 12}};
  p.row_totals = {43, 42};
  p.column_totals = {33, 52};
  p.grand_total = 85;
  Attacker a;
  Publish(a, t, p);
  EXPECT_EQ(a.Reconstructed(), std::vector<std::string>{"c0_0"});
}

TEST(ProtectTest, ShowsEverythingWhenNoGroupIsSmall) {
  CountTable t = Table({{10, 20}, {0, 30}});
  ProtectedTable p = Protect(t);
  EXPECT_EQ(p.cells[0][0], 10);
  EXPECT_EQ(p.cells[1][0], 0);
  EXPECT_EQ(p.row_totals[1], 30);
  EXPECT_EQ(p.column_totals[0], 10);
  EXPECT_EQ(p.grand_total, 60);
}

TEST(ProtectTest, RowTotalCannotGiveBackASmallCell) {
  // 3 = 43 - 40 if only the 3 were hidden.
  CountTable t = Table({{3, 40, 25}, {30, 12, 50}, {20, 31, 44}});
  ProtectedTable p = Protect(t);
  EXPECT_FALSE(p.cells[0][0].has_value());
  ExpectSafe(t);
}

TEST(ProtectTest, TwoSmallCellsInALineDoNotShowTheirSum) {
  // 3 + 4 = 7 would follow from the row total.
  CountTable t = Table({{3, 4, 40}, {30, 12, 50}, {20, 31, 44}});
  ExpectSafe(t);
}

TEST(ProtectTest, SmallTotalIsHidden) {
  CountTable t = Table({{2, 3}, {0, 0}});
  ProtectedTable p = Protect(t);
  EXPECT_FALSE(p.grand_total.has_value());
  EXPECT_FALSE(p.row_totals[0].has_value());
  ExpectSafe(t);
}

TEST(ProtectTest, FixedTotalsKeepTheirState) {
  CountTable t = Table({{5, 40}, {30, 30}});
  t.column_total_states = {CellState::kShown, CellState::kHidden};
  t.grand_total_state = CellState::kShown;
  ProtectedTable p = Protect(t);
  EXPECT_TRUE(p.column_totals[0].has_value());
  EXPECT_FALSE(p.column_totals[1].has_value());
  EXPECT_TRUE(p.grand_total.has_value());
  EXPECT_FALSE(p.cells[0][0].has_value());
}

TEST(ProtectTest, SameTableSameResult) {
  CountTable t = Table({{3, 40, 25, 1}, {30, 12, 50, 8}, {20, 31, 44, 9}});
  ProtectedTable a = Protect(t), b = Protect(t);
  EXPECT_EQ(a.cells, b.cells);
  EXPECT_EQ(a.row_totals, b.row_totals);
}

TEST(ProtectTest, RandomTablesWithManySmallCounts) {
  std::mt19937 rng(42);
  for (int round = 0; round < 150; ++round) {
    size_t rows = 1 + rng() % 6, cols = 1 + rng() % 5;
    CountTable t;
    for (size_t r = 0; r < rows; ++r) {
      t.cells.emplace_back();
      for (size_t c = 0; c < cols; ++c) {
        int kind = static_cast<int>(rng() % 3);
        t.cells[r].push_back(kind == 0 ? 0 : kind == 1 ? 1 + rng() % 9 : 10 + rng() % 60);
      }
    }
    SCOPED_TRACE(round);
    ExpectSafe(t);
  }
}

// The area tree: the attacker sees every level at once (a wijk next to its
// buurten, a stadsdeel next to its wijken) and the year next to its quarters,
// knows a hidden count is 1 to 9, and narrows every count by the sums until
// nothing changes. No small count may end up with one possible value.
struct Range {
  int64_t low = 0, high = 0;
};

class IntervalAttacker {
 public:
  void Know(const std::string& name, const std::optional<Band>& shown, int64_t truth) {
    truth_[name] = truth;
    range_[name] = shown ? Range{shown->low, shown->high} : Range{1, kMinGroup - 1};
  }
  // parts sum to total
  void Add(std::vector<std::string> parts, std::string total) { sums_.push_back({std::move(parts), std::move(total)}); }

  std::vector<std::string> Pinned() {
    for (bool changed = true; changed;) {
      changed = false;
      for (const auto& [parts, total] : sums_) changed |= Narrow(parts, total);
    }
    std::vector<std::string> out;
    for (const auto& [name, r] : range_) {
      EXPECT_LE(r.low, truth_[name]) << name;
      EXPECT_GE(r.high, truth_[name]) << name;
      if (IsSmallGroup(truth_[name]) && r.low == r.high) out.push_back(name);
    }
    return out;
  }

 private:
  bool Narrow(const std::vector<std::string>& parts, const std::string& total) {
    bool changed = false;
    int64_t lo = 0, hi = 0;
    for (const auto& p : parts) {
      lo += range_[p].low;
      hi += range_[p].high;
    }
    Range& t = range_[total];
    changed |= Tighten(t, lo, hi);
    for (const auto& p : parts) {
      Range& r = range_[p];
      changed |= Tighten(r, t.low - (hi - r.high), t.high - (lo - r.low));
    }
    return changed;
  }
  static bool Tighten(Range& r, int64_t low, int64_t high) {
    bool changed = false;
    if (low > r.low) {
      r.low = low;
      changed = true;
    }
    if (high < r.high) {
      r.high = high;
      changed = true;
    }
    return changed;
  }

  std::map<std::string, int64_t> truth_;
  std::map<std::string, Range> range_;
  std::vector<std::pair<std::vector<std::string>, std::string>> sums_;
};

std::string Name(const std::string& key, size_t c) { return key + "/" + std::to_string(c); }

// Returns the node's true sums per column.
std::vector<int64_t> PublishTree(IntervalAttacker& a, const AreaCounts& node,
                                 const std::map<std::string, BandedRow>& rows) {
  std::vector<int64_t> sum = node.values;
  sum.resize(4, 0);
  for (const auto& ch : node.children) {
    auto v = PublishTree(a, ch, rows);
    for (size_t c = 0; c < 4; ++c) sum[c] += v[c];
  }
  const BandedRow& me = rows.at(node.key);
  std::vector<std::string> quarters;
  int64_t total = 0;
  for (size_t c = 0; c < 4; ++c) {
    a.Know(Name(node.key, c), me.values[c], sum[c]);
    quarters.push_back(Name(node.key, c));
    total += sum[c];
  }
  a.Know(node.key + "/T", me.total, total);
  a.Add(quarters, node.key + "/T");
  if (!node.children.empty()) {
    for (size_t c = 0; c <= 4; ++c) {
      std::vector<std::string> parts;
      for (const auto& ch : node.children) parts.push_back(c == 4 ? ch.key + "/T" : Name(ch.key, c));
      a.Add(parts, c == 4 ? node.key + "/T" : Name(node.key, c));
    }
  }
  return sum;
}

AreaCounts RandomTree(std::mt19937& rng, const std::string& key, int depth) {
  AreaCounts n;
  n.key = key;
  if (depth == 0) {
    for (int q = 0; q < 4; ++q) {
      int kind = static_cast<int>(rng() % 3);
      n.values.push_back(kind == 0 ? 0 : kind == 1 ? 1 + rng() % 9 : 10 + rng() % 40);
    }
    return n;
  }
  size_t kids = 1 + rng() % 5;
  for (size_t i = 0; i < kids; ++i) n.children.push_back(RandomTree(rng, key + std::to_string(i), depth - 1));
  return n;
}

TEST(CoarsenTreeTest, NoSmallCountFollowsFromAnyLevelOrPeriod) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    SCOPED_TRACE(round);
    AreaCounts city = RandomTree(rng, "G", 3);
    auto rows = CoarsenTree(city);
    IntervalAttacker a;
    PublishTree(a, city, rows);
    auto pinned = a.Pinned();
    EXPECT_TRUE(pinned.empty()) << pinned.front();
  }
}

TEST(CoarsenTreeTest, AttackerPinsExactCountsWithoutBands) {
  // The control: with exact totals the wijk minus its other buurt gives the 4.
  IntervalAttacker a;
  a.Know("W", Band{24, 24}, 24);
  a.Know("B1", std::nullopt, 4);
  a.Know("B2", Band{20, 20}, 20);
  a.Add({"B1", "B2"}, "W");
  EXPECT_EQ(a.Pinned(), std::vector<std::string>{"B1"});
}

TEST(CoarsenTreeTest, WijkIsTheSumOfItsBuurten) {
  AreaCounts b1, b2, w;
  b1.key = "B1";
  b1.values = {4, 30, 0, 12};
  b2.key = "B2";
  b2.values = {20, 6, 11, 30};
  w.key = "W";
  w.children = {b1, b2};
  auto rows = CoarsenTree(w);
  EXPECT_EQ(rows.at("W").values[0], (Band{20, 29}));
  EXPECT_FALSE(rows.at("B1").values[0].has_value());
  EXPECT_EQ(rows.at("B1").values[2], (Band{0, 0}));
  EXPECT_EQ(rows.at("W").total, (Band{110, 119}));
}

TEST(ProtectQuartersTest, TheYearKeepsWhatTheQuartersHidAndShowsNoSmallCount) {
  std::mt19937 rng(3);
  for (int round = 0; round < 100; ++round) {
    SCOPED_TRACE(round);
    std::vector<QuarterOutcome> quarters;
    CountTable t;
    for (int q = 0; q < 4; ++q) {
      QuarterOutcome o{static_cast<int64_t>(rng() % 40), static_cast<int64_t>(rng() % 12)};
      quarters.push_back(o);
      t.cells.push_back({o.in_time, o.late});
    }
    ProtectedTable running = ProtectQuarters(quarters, false);
    ProtectedTable year = ProtectQuarters(quarters, true);
    EXPECT_FALSE(running.grand_total.has_value() && IsSmallGroup(*running.grand_total));
    for (size_t r = 0; r < 4; ++r) {
      EXPECT_EQ(running.row_totals[r].has_value(), year.row_totals[r].has_value());
      for (size_t c = 0; c < 2; ++c) EXPECT_EQ(running.cells[r][c].has_value(), year.cells[r][c].has_value());
    }
    Attacker a;
    Publish(a, t, year);
    auto found = a.Reconstructed();
    EXPECT_TRUE(found.empty()) << found.front();
    EXPECT_TRUE(a.SmallSums().empty());
  }
}

TEST(CoarsenTest, BandsOfTen) {
  EXPECT_EQ(Coarsen(0), (Band{0, 0}));
  EXPECT_FALSE(Coarsen(9).has_value());
  EXPECT_EQ(Coarsen(10), (Band{10, 19}));
  EXPECT_EQ(Coarsen(57), (Band{50, 59}));
}

TEST(CoarsenTest, ExactTotalMinusBandsNeverPinsASmallCount) {
  // Themes of an area in bands, the area's total exact: the hidden theme
  // (below 10) is only known to lie in a range of at least 10 values.
  for (int64_t shown = 10; shown < 200; ++shown) {
    for (int64_t hidden = 1; hidden < kMinGroup; ++hidden) {
      Band b = *Coarsen(shown);
      int64_t total = shown + hidden;
      int64_t low = std::max<int64_t>(0, total - b.high), high = total - b.low;
      EXPECT_TRUE(low == 0 || high - low >= kMinGroup - 1) << shown << " " << hidden;
    }
  }
}

}  // namespace
}  // namespace wp::dashboards
