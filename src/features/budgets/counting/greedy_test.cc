#include "features/budgets/counting/greedy.h"

#include <gtest/gtest.h>

namespace wp::budgets::counting {
namespace {

std::vector<std::string> Winners(const Election& e, const CountResult& r) {
  std::vector<std::string> ids;
  for (int p : r.selected) ids.push_back(e.projects[p].id);
  return ids;
}

// Projects a..d with costs; ballots name project indices.
Election Make(int64_t budget, std::vector<std::pair<std::string, int64_t>> projects,
              std::vector<std::vector<int>> ballots) {
  return MakeApprovalElection(budget, projects, ballots);
}

TEST(GreedyCountTest, SkipsProjectThatNoLongerFits) {
  // votes: a 3, b 2, c 1; a+b > budget, a+c fits.
  Election e = Make(100, {{"a", 60}, {"b", 50}, {"c", 40}}, {{0, 1, 2}, {0, 1}, {0}});
  CountResult r = CountGreedy(e, GreedyOptions{});
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(r.total_cost_cents, 100);
  EXPECT_EQ(r.leftover_cents, 0);
  EXPECT_EQ(r.verdicts[1], Verdict::kDoesNotFit);
}

TEST(GreedyCountTest, NoSkipStopsAtFirstProjectThatDoesNotFit) {
  Election e = Make(100, {{"a", 60}, {"b", 50}, {"c", 40}}, {{0, 1, 2}, {0, 1}, {0}});
  GreedyOptions o;
  o.skip = false;
  CountResult r = CountGreedy(e, o);
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.verdicts[2], Verdict::kNotReached);
}

TEST(GreedyCountTest, TieBreakingOrders) {
  // All three have 1 vote. Product: cheaper first, then id naturally (9 < 10).
  Election e = Make(100, {{"10", 50}, {"8", 60}, {"9", 50}}, {{0, 1, 2}});
  GreedyOptions product;
  EXPECT_EQ(Winners(e, CountGreedy(e, product)), (std::vector<std::string>{"9", "10"}));
  // pabutools: ids as text, "10" < "8" < "9"; 8 no longer fits after 10.
  GreedyOptions pabutools;
  pabutools.tie_break = TieBreak::kIdString;
  EXPECT_EQ(Winners(e, CountGreedy(e, pabutools)), (std::vector<std::string>{"10", "9"}));
}

TEST(GreedyCountTest, TieOnVotesGoesToMoreVotesAfterEqualCost) {
  // Equal key for greedy-card (votes per cost): a 2/20, b 1/10; same cost? no: ties then cost decides.
  Election e = Make(25, {{"a", 20}, {"b", 10}}, {{0, 1}, {0}});
  GreedyOptions card;
  card.key = GreedyKey::kVotesPerCost;
  EXPECT_EQ(Winners(e, CountGreedy(e, card)), (std::vector<std::string>{"b"}));  // cheaper wins the tie
}

TEST(GreedyCountTest, ProjectCostingMoreThanBudgetIsNeverSelected) {
  Election e = Make(100, {{"big", 101}, {"small", 10}}, {{0, 1}, {0}});
  CountResult r = CountGreedy(e, GreedyOptions{});
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"small"}));
  EXPECT_EQ(r.verdicts[0], Verdict::kCostsMoreThanBudget);
}

TEST(GreedyCountTest, BudgetExhaustedExactlyStillTakesFreeProjects) {
  Election e = Make(100, {{"a", 70}, {"b", 30}, {"c", 1}, {"free", 0}}, {{0, 1, 2, 3}, {0, 1, 2}, {0, 1}, {0}});
  CountResult r = CountGreedy(e, GreedyOptions{});
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a", "b", "free"}));
  EXPECT_EQ(r.leftover_cents, 0);
}

TEST(GreedyCountTest, ZeroVoteProjectOnlyInPabutoolsMode) {
  Election e = Make(100, {{"a", 50}, {"z", 10}}, {{0}});
  EXPECT_EQ(Winners(e, CountGreedy(e, GreedyOptions{})), (std::vector<std::string>{"a"}));
  GreedyOptions pabutools;
  pabutools.min_votes = 0;
  EXPECT_EQ(Winners(e, CountGreedy(e, pabutools)), (std::vector<std::string>{"a", "z"}));
}

TEST(GreedyCountTest, ThresholdExcludesWeakProjects) {
  Election e = Make(100, {{"a", 10}, {"b", 10}}, {{0, 1}, {0}, {0}});
  GreedyOptions o;
  o.min_votes = 2;
  CountResult r = CountGreedy(e, o);
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.verdicts[1], Verdict::kBelowThreshold);
}

TEST(GreedyCountTest, EverythingFits) {
  Election e = Make(1000, {{"a", 100}, {"b", 200}, {"c", 300}}, {{0}, {1}, {2}, {2}});
  EXPECT_EQ(CountGreedy(e, GreedyOptions{}).selected.size(), 3u);
}

TEST(GreedyCountTest, VotesPerCostComparedExactly) {
  // 3/9_000_000_000_000_001 vs 1/3_000_000_000_000_000: doubles see equal
  // densities; exactly, b (1/3e15) is larger.
  Election e = Make(20'000'000'000'000'000, {{"a", 9'000'000'000'000'001}, {"b", 3'000'000'000'000'000}},
                    {{0}, {0}, {0, 1}});
  ASSERT_EQ(3.0 / 9'000'000'000'000'001.0, 1.0 / 3'000'000'000'000'000.0);
  GreedyOptions o;
  o.key = GreedyKey::kVotesPerCost;
  o.tie_break = TieBreak::kIdString;
  EXPECT_EQ(Winners(e, CountGreedy(e, o)).front(), "b");
}

TEST(GreedyCountTest, ReportExplainsEveryProject) {
  Election e = Make(100, {{"a", 60}, {"b", 50}, {"z", 5}}, {{0, 1}, {0}});
  CountResult r = CountGreedy(e, GreedyOptions{});
  ASSERT_EQ(r.steps.size(), 3u);
  std::string text = RenderText(e, r);
  EXPECT_NE(text.find("1. a, cost 0.6"), std::string::npos) << text;
  EXPECT_NE(text.find("b, cost 0.5: does_not_fit"), std::string::npos) << text;
  EXPECT_NE(text.find("z, cost 0.05: no_support"), std::string::npos) << text;
  std::string json = RenderJson(e, r);
  EXPECT_NE(json.find("\"verdict\": \"does_not_fit\""), std::string::npos) << json;
}

TEST(GreedyCountTest, PointsForOrdinalBallots) {
  auto inst = ParsePabulib(
      "META\nkey;value\nbudget;100\nvote_type;ordinal\nmax_length;3\n"
      "PROJECTS\nproject_id;cost\na;60\nb;60\nc;40\n"
      "VOTES\nvoter_id;vote\n1;a,b,c\n2;b,c,a\n3;b,a\n",
      "ord.pb");
  ASSERT_TRUE(inst.has_value()) << inst.error().detail;
  auto e = ElectionFromPabulib(*inst);
  ASSERT_TRUE(e.has_value());
  // Scores: a 3+1+2 = 6, b 2+3+3 = 8, c 1+2 = 3.
  EXPECT_EQ(e->projects[0].score, 6);
  EXPECT_EQ(e->projects[1].score, 8);
  GreedyOptions o;
  o.key = GreedyKey::kScore;
  EXPECT_EQ(Winners(*e, CountGreedy(*e, o)), (std::vector<std::string>{"b", "c"}));
}

}  // namespace
}  // namespace wp::budgets::counting
