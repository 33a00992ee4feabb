#include "features/budgets/counting/equal_shares.h"

#include <gtest/gtest.h>

namespace wp::budgets::counting {
namespace {

std::vector<std::string> Winners(const Election& e, const CountResult& r) {
  std::vector<std::string> ids;
  for (int p : r.selected) ids.push_back(e.projects[p].id);
  return ids;
}

MesOptions Options(MesCompletion completion = MesCompletion::kNone, MesUtility utility = MesUtility::kCost) {
  MesOptions o;
  o.completion = completion;
  o.utility = utility;
  return o;
}

TEST(EqualSharesTest, FundsProjectsItsSupportersCanPayFor) {
  // 4 voters, B = 400: 100 each. a (cost 200) has 3 supporters, b (cost 200)
  // has 1: a is funded (each pays 66.67); b's single supporter has 100 < 200.
  Election e = MakeApprovalElection(400, {{"a", 200}, {"b", 200}}, {{0}, {0}, {0, 1}, {}});
  CountResult r = CountEqualShares(e, Options());
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.verdicts[1], Verdict::kSupportersOutOfMoney);
  ASSERT_EQ(r.mes_rounds.size(), 1u);
  EXPECT_NEAR(r.mes_rounds[0].rho_cents, 200.0 / 3, 1e-9);
  EXPECT_EQ(r.leftover_cents, 200);
}

TEST(EqualSharesTest, BlankBallotsCountInTheShare) {
  // a costs 60 and has 2 supporters. With 1 blank ballot each share is 33.3
  // (66.7 >= 60, funded); with 3 blank ballots it is 20 (40 < 60, not funded).
  Election one_blank = MakeApprovalElection(100, {{"a", 60}}, {{0}, {0}, {}});
  Election three_blank = MakeApprovalElection(100, {{"a", 60}}, {{0}, {0}, {}, {}, {}});
  EXPECT_EQ(CountEqualShares(one_blank, Options()).selected.size(), 1u);
  EXPECT_EQ(CountEqualShares(three_blank, Options()).selected.size(), 0u);
}

TEST(EqualSharesTest, EqualCostAndVotesTieGoesToTieBreak) {
  Election e = MakeApprovalElection(100, {{"b", 50}, {"a", 50}, {"c", 60}}, {{0, 1}, {0, 1}});
  MesOptions product = Options();
  EXPECT_EQ(Winners(e, CountEqualShares(e, product)), (std::vector<std::string>{"a", "b"}));
  // Swap ids so that the tie-break, not the input order, decides.
  Election f = MakeApprovalElection(100, {{"a", 50}, {"b", 50}}, {{0, 1}, {0, 1}});
  EXPECT_EQ(Winners(f, CountEqualShares(f, product)), (std::vector<std::string>{"a", "b"}));
  CountResult r = CountEqualShares(e, product);
  ASSERT_GE(r.notes.size(), 2u);
  EXPECT_NE(r.notes[1].find("equal price for"), std::string::npos) << r.notes[1];
}

TEST(EqualSharesTest, TieAfterBudgetsDeplete) {
  // 6 ballots, 20 each. Round 1 funds x (3 supporters pay 10). Then y and z
  // have equal prices: each is backed by one voter who paid for x (10 left)
  // and one who did not (20). Equal cost, equal votes: the lower id (y) wins.
  Election e = MakeApprovalElection(120, {{"x", 30}, {"z", 20}, {"y", 20}},
                                    {{0, 1}, {0, 2}, {0}, {1}, {2}, {}});
  CountResult r = CountEqualShares(e, Options());
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"x", "y", "z"}));
  MesOptions by_text = Options();
  by_text.tie_break = TieBreak::kIdString;
  EXPECT_EQ(Winners(e, CountEqualShares(e, by_text))[1], "y");
}

TEST(EqualSharesTest, ProjectCostingMoreThanBudgetIsNeverSelected) {
  Election e = MakeApprovalElection(10000, {{"big", 15000}, {"a", 1000}}, {{0, 1}, {0, 1}, {0}});
  for (MesCompletion c : {MesCompletion::kNone, MesCompletion::kAddOne, MesCompletion::kAddOneIntegral,
                          MesCompletion::kGreedy, MesCompletion::kAddOneU}) {
    CountResult r = CountEqualShares(e, Options(c));
    EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"})) << MesCompletionName(c);
  }
}

TEST(EqualSharesTest, ProjectCostingExactlyWhatIsLeftIsFunded) {
  // Two voters, 50 each; a costs 100 and both approve it: they pay exactly everything.
  Election e = MakeApprovalElection(100, {{"a", 100}}, {{0}, {0}});
  CountResult r = CountEqualShares(e, Options());
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.leftover_cents, 0);
}

TEST(EqualSharesTest, EverythingFits) {
  Election e = MakeApprovalElection(1000, {{"a", 100}, {"b", 200}, {"c", 300}, {"z", 10}}, {{0}, {1}, {2}});
  for (MesCompletion c : {MesCompletion::kAddOne, MesCompletion::kAddOneIntegral,
                          MesCompletion::kAddOneIntegralExhaustive, MesCompletion::kAddOneU}) {
    EXPECT_EQ(CountEqualShares(e, Options(c)).selected.size(), 3u) << MesCompletionName(c);
  }
}

TEST(EqualSharesTest, ZeroVoteProjectOnlyThroughPabutoolsGreedyCompletion) {
  Election e = MakeApprovalElection(100, {{"a", 50}, {"z", 10}}, {{0}, {0}});
  EXPECT_EQ(Winners(e, CountEqualShares(e, Options())), (std::vector<std::string>{"a"}));
  EXPECT_EQ(Winners(e, CountEqualShares(e, Options(MesCompletion::kGreedy))), (std::vector<std::string>{"a"}));
  MesOptions pabutools = Options(MesCompletion::kGreedy);
  pabutools.greedy.min_votes = 0;
  EXPECT_EQ(Winners(e, CountEqualShares(e, pabutools)), (std::vector<std::string>{"a", "z"}));
}

TEST(EqualSharesTest, FreeSupportedProjectIsPreselected) {
  Election e = MakeApprovalElection(100, {{"a", 60}, {"free", 0}}, {{0, 1}, {0}});
  EXPECT_EQ(Winners(e, CountEqualShares(e, Options())), (std::vector<std::string>{"free", "a"}));
}

TEST(EqualSharesTest, UnanimousVotersGiveGreedyByVotes) {
  // Everyone approves everything: MES equals greedy by votes with the same tie-break.
  Election e = MakeApprovalElection(100, {{"a", 70}, {"b", 40}, {"c", 30}}, {{0, 1, 2}, {0, 1, 2}, {0, 1, 2}});
  GreedyOptions g;
  EXPECT_EQ(CountEqualShares(e, Options()).selected, CountGreedy(e, g).selected);
  Election single = MakeApprovalElection(100, {{"a", 70}, {"b", 40}, {"c", 30}}, {{0, 1, 2}});
  EXPECT_EQ(CountEqualShares(single, Options()).selected, CountGreedy(single, g).selected);
}

TEST(EqualSharesTest, CostAndCardinalityUtilitiesDiffer) {
  // 10 voters, 10 each. big (cost 60) has 6 supporters; s1, s2 (cost 20) have
  // 4 and 3. Cost utilities follow votes: big first. Cardinality utilities
  // follow votes per euro: the small ones first.
  Election e = MakeApprovalElection(100, {{"big", 60}, {"s1", 20}, {"s2", 20}},
                                    {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 2}, {0, 2}, {2}, {}, {}, {}});
  EXPECT_EQ(Winners(e, CountEqualShares(e, Options()))[0], "big");
  EXPECT_EQ(Winners(e, CountEqualShares(e, Options(MesCompletion::kNone, MesUtility::kCardinality)))[0], "s1");
}

TEST(EqualSharesTest, AddOneRaisesTheShareUntilTheBudgetIsUsed) {
  // Plain MES cannot fund b (its 2 supporters hold 2 * 25 < 60 after paying
  // for a); raising the per-voter budget does.
  Election e = MakeApprovalElection(10000, {{"a", 5000}, {"b", 4000}}, {{0}, {0}, {0, 1}, {1}});
  EXPECT_EQ(Winners(e, CountEqualShares(e, Options())), (std::vector<std::string>{"a"}));
  for (MesCompletion c : {MesCompletion::kAddOne, MesCompletion::kAddOneIntegral,
                          MesCompletion::kAddOneIntegralExhaustive}) {
    CountResult r = CountEqualShares(e, Options(c));
    EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a", "b"})) << MesCompletionName(c);
    EXPECT_GT(r.budget_per_voter_cents, 2500);
    EXPECT_LE(r.total_cost_cents, e.budget_cents);
  }
}

TEST(EqualSharesTest, ReportShowsRoundsAndPerVoterBudget) {
  Election e = MakeApprovalElection(400, {{"a", 200}, {"b", 200}}, {{0}, {0}, {0, 1}, {}});
  CountResult r = CountEqualShares(e, Options());
  std::string text = RenderText(e, r);
  EXPECT_NE(text.find("round 1: a, each supporter pays at most 0.67"), std::string::npos) << text;
  EXPECT_NE(text.find("starts with 1.00"), std::string::npos) << text;
  EXPECT_NE(text.find("b, cost 2: supporters_out_of_money"), std::string::npos) << text;
  std::string json = RenderJson(e, r);
  EXPECT_NE(json.find("\"mes_rounds\""), std::string::npos);
}

}  // namespace
}  // namespace wp::budgets::counting
