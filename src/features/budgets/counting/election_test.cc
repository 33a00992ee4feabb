#include "features/budgets/counting/election.h"

#include <gtest/gtest.h>

#include "features/budgets/counting/count_result.h"

namespace wp::budgets::counting {
namespace {

TEST(ElectionTest, MergesIdenticalBallotsAndCountsBlankOnes) {
  Election e = MakeApprovalElection(100, {{"a", 10}, {"b", 20}}, {{0, 1}, {1, 0}, {0}, {}, {1, 1}});
  EXPECT_EQ(e.num_ballots, 5);
  EXPECT_EQ(e.groups.size(), 4u);  // {a,b} twice, {a}, {}, {b}
  EXPECT_EQ(e.projects[0].votes, 3);
  EXPECT_EQ(e.projects[1].votes, 3);
}

TEST(ElectionTest, ScoresForCumulativeAndScoringBallots) {
  auto inst = ParsePabulib(
      "META\nkey;value\nbudget;100\nvote_type;scoring\ndefault_score;1\n"
      "PROJECTS\nproject_id;cost\na;60\nb;60\n"
      "VOTES\nvoter_id;vote;points\n1;a;5\n2;a,b;3,4\n3;;\n",
      "s.pb");
  ASSERT_TRUE(inst.has_value()) << inst.error().detail;
  auto e = ElectionFromPabulib(*inst);
  ASSERT_TRUE(e.has_value()) << e.error().detail;
  EXPECT_EQ(e->projects[0].score, 5 + 3 + 1);  // unlisted on ballot 3: default 1
  EXPECT_EQ(e->projects[1].score, 1 + 4 + 1);
  EXPECT_EQ(e->projects[0].votes, 2);
}

TEST(ElectionTest, KnapsackBallotsAndEuroShares) {
  auto inst = ParsePabulib(
      "META\nkey;value\nbudget;100\nvote_type;approval\nmax_sum_cost;100\n"
      "PROJECTS\nproject_id;cost\na;60\nb;40\nc;30\n"
      "VOTES\nvoter_id;vote\n1;a,b\n2;a\n3;b,c\n",
      "k.pb");
  ASSERT_TRUE(inst.has_value());
  auto e = ElectionFromPabulib(*inst);
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(e->IsKnapsack());
  std::vector<EuroShare> shares = EuroShares(*e);
  // a: 2 * 60 = 120, b: 2 * 40 = 80, c: 30; of 230 euros.
  EXPECT_EQ(shares[0].euros_cents, 12000);
  EXPECT_EQ(shares[1].euros_cents, 8000);
  EXPECT_EQ(shares[2].euros_cents, 3000);
  EXPECT_NEAR(shares[0].share, 120.0 / 230, 1e-12);
}

TEST(ElectionTest, NonIntegerBudgetAndTextIdsAreExact) {
  auto inst = ParsePabulib(
      "META\nkey;value\nbudget;804828.79\nvote_type;approval\n"
      "PROJECTS\nproject_id;cost\nc12;0.01\n"
      "VOTES\nvoter_id;vote\nv1;c12\n",
      "x.pb");
  ASSERT_TRUE(inst.has_value());
  auto e = ElectionFromPabulib(*inst);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->budget_cents, 80482879);
  EXPECT_EQ(e->projects[0].cost_cents, 1);
  EXPECT_FALSE(e->IsKnapsack());
}

}  // namespace
}  // namespace wp::budgets::counting
