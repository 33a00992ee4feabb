#include "features/budgets/counting/explanation.h"

#include <gtest/gtest.h>

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"

namespace wp::budgets::counting {
namespace {

TEST(ExplanationTest, MostVotesTellsTheMoneyLeftBeforeEachChoiceAndAtTheTurnOfAPlanThatDidNotFit) {
  // votes: a 3, b 2, c 1, d 0; a+b > budget, a+c fits; d has no votes.
  Election e = MakeApprovalElection(100, {{"a", 60}, {"b", 50}, {"c", 30}, {"d", 5}}, {{0, 1, 2}, {0, 1}, {0}});
  Explanation x = Explain(e, CountGreedy(e, GreedyOptions{}));
  EXPECT_EQ(x.rule, ExplainedRule::kMostVotes);
  EXPECT_EQ(x.budget_cents, 100);
  EXPECT_EQ(x.ballots, 3);
  ASSERT_EQ(x.chosen.size(), 2u);
  EXPECT_EQ(x.chosen[0].id, "a");
  EXPECT_EQ(x.chosen[0].money_left_before_cents, 100);
  EXPECT_EQ(x.chosen[1].id, "c");
  EXPECT_EQ(x.chosen[1].money_left_before_cents, 40);
  EXPECT_EQ(x.chosen[1].share_cents, -1);
  ASSERT_EQ(x.others.size(), 2u);
  EXPECT_EQ(x.others[0].id, "b");  // most votes first
  EXPECT_EQ(x.others[0].verdict, Verdict::kDoesNotFit);
  EXPECT_EQ(x.others[0].money_left_cents, 40);  // after a, before c
  EXPECT_EQ(x.others[1].id, "d");
  EXPECT_EQ(x.others[1].verdict, Verdict::kNoSupport);
  EXPECT_EQ(x.total_cost_cents, 90);
  EXPECT_EQ(x.leftover_cents, 10);
  // b (50) does not fit in 10; d fits but has no votes.
  EXPECT_TRUE(x.leftover_fits_no_plan);
}

TEST(ExplanationTest, LeftoverThatStillFitsAPlanIsToldWhenTheRuleStoppedEarly) {
  Election e = MakeApprovalElection(100, {{"a", 60}, {"b", 50}, {"c", 30}}, {{0, 1, 2}, {0, 1}, {0}});
  GreedyOptions o;
  o.skip = false;  // stops at b; c would have fitted
  Explanation x = Explain(e, CountGreedy(e, o));
  EXPECT_FALSE(x.leftover_fits_no_plan);
}

TEST(ExplanationTest, EqualSharesTellsWhatEachVoterPaid) {
  // 4 voters, budget 400: 100 each. a (cost 200) by all four: 50 each.
  // b (cost 150) by voters 0 and 1, who have 50 left each: they cannot pay.
  Election e = MakeApprovalElection(400, {{"a", 200}, {"b", 150}, {"c", 90}},
                                    {{0, 1}, {0, 1}, {0, 2}, {0, 2}});
  CountResult r = CountEqualShares(e, MesOptions{});
  Explanation x = Explain(e, r);
  EXPECT_EQ(x.rule, ExplainedRule::kEqualShares);
  EXPECT_EQ(x.share_per_voter_cents, 100);
  EXPECT_EQ(x.final_share_per_voter_cents, 100);
  ASSERT_FALSE(x.chosen.empty());
  EXPECT_EQ(x.chosen[0].id, "a");
  EXPECT_EQ(x.chosen[0].share_cents, 50);
  EXPECT_EQ(x.chosen[0].voters_short, 0);
  bool b_told = false;
  for (const OtherPlan& o : x.others) {
    if (o.id == "b") {
      b_told = true;
      EXPECT_EQ(o.verdict, Verdict::kSupportersOutOfMoney);
    }
  }
  EXPECT_TRUE(b_told);
}

TEST(ExplanationTest, CompletionChoicesAreMarked) {
  // After a (50 from each voter) nobody can pay for b or c by equal shares;
  // the greedy completion then funds b from the 200 left.
  Election e = MakeApprovalElection(400, {{"a", 200}, {"b", 150}, {"c", 300}},
                                    {{0, 1}, {0, 1}, {0, 2}, {0, 2}});
  MesOptions o;
  o.completion = MesCompletion::kGreedy;
  CountResult r = CountEqualShares(e, o);
  Explanation x = Explain(e, r);
  bool any_completion = false;
  for (const ChosenPlan& c : x.chosen) {
    if (c.by_completion) {
      any_completion = true;
      EXPECT_EQ(c.share_cents, -1);
    }
  }
  EXPECT_TRUE(any_completion);
  int64_t total = 0;
  for (const ChosenPlan& c : x.chosen) total += c.cost_cents;
  EXPECT_EQ(total, x.total_cost_cents);
  EXPECT_EQ(x.total_cost_cents + x.leftover_cents, x.budget_cents);
}

TEST(ExplanationTest, JsonRoundTripKeepsEveryFact) {
  Election e = MakeApprovalElection(100, {{"a", 60}, {"b", 50}, {"c", 30}}, {{0, 1, 2}, {0, 1}, {0}});
  Explanation x = Explain(e, CountGreedy(e, GreedyOptions{}));
  auto back = ExplanationFromJson(ExplanationToJson(x));
  ASSERT_TRUE(back.has_value()) << back.error().detail;
  EXPECT_EQ(ExplanationToJson(*back), ExplanationToJson(x));
  EXPECT_EQ(back->others[0].money_left_cents, 40);
}

TEST(ExplanationTest, RejectsJsonThatIsNotAnExplanation) {
  EXPECT_FALSE(ExplanationFromJson("not json").has_value());
  EXPECT_FALSE(ExplanationFromJson("{}").has_value());
  EXPECT_FALSE(ExplanationFromJson(R"({"rule":"lottery"})").has_value());
}

}  // namespace
}  // namespace wp::budgets::counting
