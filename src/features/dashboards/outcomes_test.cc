// Table tests of the turnout of a budget round made from the shown bands:
// the range must hold the true turnout, follow from the bands alone, and
// vanish when a band is hidden.
#include "features/dashboards/outcomes.h"

#include <gtest/gtest.h>

namespace wp::dashboards {
namespace {

struct TurnoutCase {
  const char* name;
  int64_t ballots;
  int64_t eligible;
  std::optional<Turnout> want;
};

class TurnoutTest : public ::testing::TestWithParam<TurnoutCase> {};

TEST_P(TurnoutTest, FromBands) {
  const auto& c = GetParam();
  auto got = TurnoutFromBands(Coarsen(c.ballots), Coarsen(c.eligible));
  EXPECT_EQ(got, c.want) << c.name;
  if (got && c.eligible > 0) {
    // The true turnout lies in the range.
    EXPECT_LE(got->low * c.eligible, 100 * c.ballots) << c.name;
    EXPECT_GE(got->high * c.eligible, 100 * c.ballots) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, TurnoutTest,
                         ::testing::Values(TurnoutCase{"demo round: 40 of 40", 40, 40, Turnout{81, 100}},
                                           TurnoutCase{"a city round", 1234, 20517, Turnout{5, 7}},
                                           TurnoutCase{"few voters are hidden", 7, 400, std::nullopt},
                                           TurnoutCase{"few codes are hidden", 12, 9, std::nullopt},
                                           TurnoutCase{"no codes: nobody could vote", 0, 0, std::nullopt},
                                           TurnoutCase{"nobody voted", 0, 500, Turnout{0, 0}},
                                           TurnoutCase{"every band of ten", 150, 150, Turnout{94, 100}},
                                           TurnoutCase{"capped at 100", 19, 19, Turnout{52, 100}}),
                         [](const auto& info) { return "case" + std::to_string(info.index); });

// The same bands give the same turnout, whatever the counts inside them: it
// shows nothing the bands do not.
TEST(TurnoutTest, DependsOnTheBandsOnly) {
  for (int64_t b = 120; b <= 129; ++b) {
    for (int64_t e = 3400; e <= 3409; ++e) {
      EXPECT_EQ(TurnoutFromBands(Coarsen(b), Coarsen(e)), (Turnout{3, 4}));
    }
  }
  EXPECT_FALSE(TurnoutFromBands(std::nullopt, Coarsen(100)).has_value());
  EXPECT_FALSE(TurnoutFromBands(Coarsen(100), std::nullopt).has_value());
}

}  // namespace
}  // namespace wp::dashboards
