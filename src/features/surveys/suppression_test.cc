// Small-group suppression: table tests of the rule, and an attacker who
// knows the rule and every published number and tries to pin down a hidden
// cell (enumerating every table that fits what is shown). It must fail.
#include "features/surveys/suppression.h"

#include <gtest/gtest.h>

#include <functional>
#include <numeric>
#include <random>
#include <set>

namespace wp::surveys {
namespace {

std::vector<bool> ShownOf(const Table& t) {
  std::vector<bool> out;
  for (const auto& c : t.cells) out.push_back(c.shown);
  return out;
}

TEST(Suppress, Table) {
  struct Case {
    std::vector<int64_t> counts;
    bool total_shown;
    std::vector<bool> shown;
  };
  const Case cases[] = {
      {{40, 30, 20}, true, {true, true, true}},
      {{40, 30, 5}, true, {true, false, false}},           // 5 alone would follow from the total: 30 goes too
      {{40, 3, 4}, true, {false, false, false}},           // 3 + 4 = 7 < 10: the 40 goes as well
      {{40, 30, 6, 4}, true, {true, true, false, false}},  // 6 + 4 = 10: enough
      {{40, 30, 0}, true, {true, true, true}},             // a 0 names no one
      {{40, 0, 4}, true, {false, true, false}},
      {{95, 5}, true, {false, false}},
      {{5, 4}, false, {false, false}},  // fewer than 10 in all: nothing
      {{10, 10}, true, {true, true}},
      {{12}, true, {true}},
  };
  for (const auto& c : cases) {
    Table t = Suppress(c.counts);
    EXPECT_EQ(t.total_shown, c.total_shown);
    EXPECT_EQ(ShownOf(t), c.shown) << ::testing::PrintToString(c.counts);
  }
}

// What a reader sees: the total (or nothing) and each cell (or "fewer than 10" / hidden).
struct Published {
  bool total_shown;
  int64_t total;
  std::vector<std::optional<int64_t>> cells;
};

Published Publish(const Table& t) {
  Published p{t.total_shown, t.total_shown ? t.total : -1, {}};
  for (const auto& c : t.cells) p.cells.push_back(c.shown ? std::optional<int64_t>(c.count) : std::nullopt);
  return p;
}

// Every table of non-negative counts (cells at most `limit`) that the rule
// would publish exactly as `seen`. The attacker's candidates.
std::vector<std::vector<int64_t>> Candidates(const Published& seen, int64_t limit) {
  std::vector<std::vector<int64_t>> out;
  std::vector<int64_t> cells(seen.cells.size());
  std::function<void(size_t)> fill = [&](size_t i) {
    if (i == cells.size()) {
      Table t = Suppress(cells);
      Published p = Publish(t);
      if (p.total_shown == seen.total_shown && p.total == seen.total && p.cells == seen.cells) out.push_back(cells);
      return;
    }
    if (seen.cells[i]) {
      cells[i] = *seen.cells[i];
      fill(i + 1);
      return;
    }
    for (int64_t v = 0; v <= limit; ++v) {
      cells[i] = v;
      fill(i + 1);
    }
  };
  fill(0);
  return out;
}

TEST(Suppress, AttackerCannotPinDownAHiddenCell) {
  const std::vector<std::vector<int64_t>> secrets = {
      {40, 30, 5}, {40, 3, 4}, {40, 30, 6, 4}, {95, 5}, {22, 9, 11}, {12, 1, 1, 30}, {31, 0, 17},
  };
  for (const auto& secret : secrets) {
    Published seen = Publish(Suppress(secret));
    auto candidates = Candidates(seen, seen.total);  // no hidden cell exceeds the published total
    for (size_t i = 0; i < secret.size(); ++i) {
      if (seen.cells[i]) continue;
      std::set<int64_t> values;
      for (const auto& c : candidates) values.insert(c[i]);
      // The true value is possible, and so are others: the cell cannot be worked out.
      EXPECT_TRUE(values.count(secret[i])) << ::testing::PrintToString(secret);
      EXPECT_GT(values.size(), 1u) << ::testing::PrintToString(secret) << " cell " << i;
    }
  }
}

TEST(Suppress, InvariantOnRandomTables) {
  std::mt19937 gen(17);
  for (int round = 0; round < 5000; ++round) {
    size_t n = 1 + gen() % 6;
    std::vector<int64_t> counts;
    for (size_t i = 0; i < n; ++i) counts.push_back(static_cast<int64_t>(gen() % (round % 2 ? 15 : 60)));
    Table t = Suppress(counts);
    int64_t sum = std::accumulate(counts.begin(), counts.end(), int64_t{0});
    EXPECT_EQ(t.total, sum);
    if (!t.total_shown) {
      EXPECT_LT(sum, kMinGroup);
      for (const auto& c : t.cells) EXPECT_FALSE(c.shown);
      continue;
    }
    size_t hidden = 0;
    for (const auto& c : t.cells) {
      if (c.shown && c.count != 0) {
        EXPECT_GE(c.count, kMinGroup);
      }
      if (!c.shown) ++hidden;
    }
    // What follows from the shown numbers about the hidden cells: only their sum, of 2+ cells, 10 or more.
    if (hidden > 0) {
      EXPECT_GE(hidden, 2u) << ::testing::PrintToString(counts);
      EXPECT_GE(t.HiddenSum(), kMinGroup) << ::testing::PrintToString(counts);
    }
  }
}

}  // namespace
}  // namespace wp::surveys
