#include "features/budgets/counting/phragmen.h"

#include <gtest/gtest.h>

namespace wp::budgets::counting {
namespace {

std::vector<std::string> Winners(const Election& e, const CountResult& r) {
  std::vector<std::string> ids;
  for (int p : r.selected) ids.push_back(e.projects[p].id);
  return ids;
}

TEST(PhragmenTest, SpreadsLoadOverVoters) {
  // a: 3 supporters (load 30/3 = 10 each); then b, backed by 2 of them,
  // would raise their loads to (10 + 10 + 24) / 2 = 22, while c, backed by
  // 2 fresh voters, gives 30/2 = 15. Order a, c, b.
  Election e = MakeApprovalElection(100, {{"a", 30}, {"b", 24}, {"c", 30}},
                                    {{0, 1}, {0, 1}, {0}, {2}, {2}});
  CountResult r = CountPhragmen(e, PhragmenOptions{});
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a", "c", "b"}));
}

TEST(PhragmenTest, StopsInsteadOfSkipping) {
  // Values: a 60/4 = 15, b 50/2 = 25, c 30/1 = 30. After a, b comes next
  // but does not fit; c would fit, but Phragmen stops.
  Election e = MakeApprovalElection(100, {{"a", 60}, {"b", 50}, {"c", 30}}, {{0}, {0}, {0}, {0}, {1}, {1}, {2}});
  CountResult r = CountPhragmen(e, PhragmenOptions{});
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.verdicts[1], Verdict::kDoesNotFit);
  EXPECT_EQ(r.verdicts[2], Verdict::kNotReached);
}

TEST(PhragmenTest, ProjectCostingMoreThanBudgetIsDroppedFirst) {
  Election e = MakeApprovalElection(100, {{"big", 500}, {"a", 60}}, {{0}, {0}, {0}, {1}});
  CountResult r = CountPhragmen(e, PhragmenOptions{});
  EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.verdicts[0], Verdict::kCostsMoreThanBudget);
}

TEST(PhragmenTest, ZeroVoteProjectsLastAndOnlyInPabutoolsMode) {
  Election e = MakeApprovalElection(100, {{"a", 50}, {"z", 10}}, {{0}});
  EXPECT_EQ(Winners(e, CountPhragmen(e, PhragmenOptions{})), (std::vector<std::string>{"a"}));
  PhragmenOptions pabutools{TieBreak::kIdString, 0, Arithmetic::kAuto};
  EXPECT_EQ(Winners(e, CountPhragmen(e, pabutools)), (std::vector<std::string>{"a", "z"}));
}

TEST(PhragmenTest, TieGoesToTieBreakAndIsExact) {
  // b and a: equal cost, equal votes: a wins by id (both orders).
  Election e = MakeApprovalElection(100, {{"b", 30}, {"a", 30}}, {{0}, {1}});
  for (Arithmetic arith : {Arithmetic::kAuto, Arithmetic::kExact}) {
    CountResult r = CountPhragmen(e, PhragmenOptions{TieBreak::kCostVotesId, 1, arith});
    EXPECT_EQ(Winners(e, r), (std::vector<std::string>{"a", "b"}));
  }
}

}  // namespace
}  // namespace wp::budgets::counting
