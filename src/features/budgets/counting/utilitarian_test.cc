#include "features/budgets/counting/utilitarian.h"

#include <gtest/gtest.h>

#include <random>

#include "features/budgets/counting/greedy.h"

namespace wp::budgets::counting {
namespace {

__int128 BruteForceBest(const Election& e) {
  __int128 best = 0;
  const size_t m = e.projects.size();
  for (uint32_t mask = 0; mask < (1u << m); ++mask) {
    std::vector<int> set;
    for (size_t p = 0; p < m; ++p) {
      if (mask & (1u << p)) set.push_back(static_cast<int>(p));
    }
    if (e.TotalCost(set) <= e.budget_cents) best = std::max(best, CostWelfareCents(e, set));
  }
  return best;
}

TEST(UtilitarianOptimumTest, BeatsGreedyWhenGreedyWastesMoney) {
  // Welfare = votes * cost. Greedy by votes takes a (3 votes * 60 = 180) and
  // then nothing fits; the optimum is b and c (2 * 50 + 2 * 50 = 200).
  Election e = MakeApprovalElection(100, {{"a", 60}, {"b", 50}, {"c", 50}}, {{0, 1, 2}, {0, 1, 2}, {0}});
  CountResult r = CountUtilitarianOptimum(e);
  EXPECT_EQ(CostWelfareCents(e, r.selected), 200);
  EXPECT_LT(CostWelfareCents(e, CountGreedy(e, GreedyOptions{}).selected), 200);
  EXPECT_EQ(r.verdicts[0], Verdict::kNotInOptimum);
}

TEST(UtilitarianOptimumTest, MatchesBruteForceOnRandomElections) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const int m = 1 + static_cast<int>(rng() % 8);
    std::vector<std::pair<std::string, int64_t>> projects;
    for (int p = 0; p < m; ++p) projects.push_back({"p" + std::to_string(p), static_cast<int64_t>(1 + rng() % 1000)});
    std::vector<std::vector<int>> ballots(1 + rng() % 10);
    for (auto& b : ballots) {
      for (int p = 0; p < m; ++p) {
        if (rng() % 2) b.push_back(p);
      }
    }
    // Huge budgets are too big for the table: branch and bound only.
    for (int64_t budget : {static_cast<int64_t>(rng() % 2000), static_cast<int64_t>(rng() % 2000) * 100'000'000}) {
      Election e = MakeApprovalElection(budget, projects, ballots);
      if (budget > 100'000) {
        for (Project& p : e.projects) p.cost_cents = p.cost_cents * 100'000'000 + 1;
      }
      const __int128 best = BruteForceBest(e);
      for (KnapsackMethod method :
           {KnapsackMethod::kAuto, KnapsackMethod::kBranchAndBound, KnapsackMethod::kDynamicProgramming}) {
        CountResult r = CountUtilitarianOptimum(e, method);
        EXPECT_LE(r.total_cost_cents, budget);
        EXPECT_TRUE(CostWelfareCents(e, r.selected) == best) << "round " << round;
      }
    }
  }
}

}  // namespace
}  // namespace wp::budgets::counting
