// Why the counting rules compare exactly: small elections where plain
// doubles pick a different winner than exact arithmetic, and a randomized
// check that the default (doubles with an exact recount of close calls)
// always agrees with exact fractions.
#include <gtest/gtest.h>

#include <random>

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/phragmen.h"

namespace wp::budgets::counting {
namespace {

std::vector<std::string> Winners(const Election& e, const CountResult& r) {
  std::vector<std::string> ids;
  for (int p : r.selected) ids.push_back(e.projects[p].id);
  return ids;
}

MesOptions With(Arithmetic arithmetic) {
  MesOptions o;
  o.arithmetic = arithmetic;
  return o;
}

TEST(ExactArithmeticTest, DoublesBreakAnExactTieTheWrongWay) {
  // 3 ballots, budget 4.00: 1.33 each. a (3.00) and b (2.00) are approved by
  // all three: exactly the same price per euro of utility (1/3). The
  // tie-break (cheaper first) funds b; after that a no longer fits. In
  // doubles, 1.00/3.00 and 0.6667/2.00 differ in the last bit and a wins.
  Election e = MakeApprovalElection(400, {{"a", 300}, {"b", 200}, {"c", 300}}, {{0, 1}, {0, 1, 2}, {0, 1, 2}});
  EXPECT_EQ(Winners(e, CountEqualShares(e, With(Arithmetic::kExact))), (std::vector<std::string>{"b"}));
  EXPECT_EQ(Winners(e, CountEqualShares(e, With(Arithmetic::kAuto))), (std::vector<std::string>{"b"}));
  EXPECT_EQ(Winners(e, CountEqualShares(e, With(Arithmetic::kDoubleUnchecked))), (std::vector<std::string>{"a"}));
}

TEST(ExactArithmeticTest, CloseCallAfterPaymentsIsRecountedExactly) {
  // After a is paid for, b and c have equal prices only in exact fractions;
  // doubles put b first. The default detects the close call and recounts.
  Election e = MakeApprovalElection(1900, {{"a", 300}, {"b", 900}, {"c", 200}, {"d", 800}, {"e", 900}},
                                    {{0, 2}, {0, 1, 4}, {1, 4}, {0, 1, 2, 4}, {0, 2, 3}});
  const std::vector<std::string> exact = {"a", "c", "b"};
  EXPECT_EQ(Winners(e, CountEqualShares(e, With(Arithmetic::kExact))), exact);
  CountResult fast = CountEqualShares(e, With(Arithmetic::kAuto));
  EXPECT_EQ(Winners(e, fast), exact);
  EXPECT_EQ(fast.exact_recounts, 1);
  EXPECT_EQ(Winners(e, CountEqualShares(e, With(Arithmetic::kDoubleUnchecked))),
            (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ExactArithmeticTest, DefaultAgreesWithExactOnRandomElections) {
  std::mt19937 rng(2026);
  int recounted = 0;
  for (int round = 0; round < 400; ++round) {
    const int m = 3 + static_cast<int>(rng() % 4), n = 2 + static_cast<int>(rng() % 6);
    std::vector<std::pair<std::string, int64_t>> projects;
    for (int p = 0; p < m; ++p) {
      projects.push_back({std::string(1, static_cast<char>('a' + p)), static_cast<int64_t>(1 + rng() % 9) * 100});
    }
    std::vector<std::vector<int>> ballots(n);
    for (auto& b : ballots) {
      for (int p = 0; p < m; ++p) {
        if (rng() % 2) b.push_back(p);
      }
    }
    Election e = MakeApprovalElection(static_cast<int64_t>(1 + rng() % 20) * 100, projects, ballots);
    for (MesUtility u : {MesUtility::kCost, MesUtility::kCardinality}) {
      for (MesCompletion c : {MesCompletion::kNone, MesCompletion::kAddOne, MesCompletion::kAddOneIntegral}) {
        MesOptions fast = With(Arithmetic::kAuto);
        fast.utility = u;
        fast.completion = c;
        MesOptions exact = fast;
        exact.arithmetic = Arithmetic::kExact;
        CountResult r = CountEqualShares(e, fast);
        recounted += r.exact_recounts > 0;
        ASSERT_EQ(r.selected, CountEqualShares(e, exact).selected) << "round " << round;
      }
    }
    PhragmenOptions fast{TieBreak::kCostVotesId, 1, Arithmetic::kAuto};
    PhragmenOptions exact{TieBreak::kCostVotesId, 1, Arithmetic::kExact};
    ASSERT_EQ(CountPhragmen(e, fast).selected, CountPhragmen(e, exact).selected) << "round " << round;
  }
  EXPECT_GT(recounted, 0);  // the close-call path was exercised
}

}  // namespace
}  // namespace wp::budgets::counting
