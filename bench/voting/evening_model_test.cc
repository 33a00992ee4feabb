#include "evening_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace wp::bench {
namespace {

TEST(EveningModelTest, HaarlemDefaultsGiveAPeakOfAboutThirtyNineVotersPerSecond) {
  EveningModel m;
  EXPECT_EQ(m.Invalid(), "");
  // 140,000 x 1.0 x 0.6 = 84,000 voters in 3 hours: 7.78/s on average, 5x that in the busiest minute.
  EXPECT_DOUBLE_EQ(m.EveningVoters(), 84'000);
  EXPECT_NEAR(m.AverageRate(), 7.7778, 1e-3);
  EXPECT_NEAR(m.PeakRate(), 38.889, 1e-3);
  m.turnout = 0.25;
  EXPECT_NEAR(m.PeakRate(), 9.722, 1e-3);
}

TEST(EveningModelTest, OutOfRangeSettingsAreNamed) {
  struct Case {
    void (*change)(EveningModel&);
    const char* says;
  };
  const Case cases[] = {
      {[](EveningModel& m) { m.eligible = 0; }, "eligible"},
      {[](EveningModel& m) { m.turnout = 0; }, "turnout"},
      {[](EveningModel& m) { m.turnout = 1.5; }, "turnout"},
      {[](EveningModel& m) { m.evening_share = -0.1; }, "evening share"},
      {[](EveningModel& m) { m.evening_hours = 0; }, "evening must last"},
      {[](EveningModel& m) { m.peak_factor = 0.5; }, "peak factor"},
      {[](EveningModel& m) { m.peak_factor = 500; }, "peak factor"},
  };
  for (const auto& c : cases) {
    EveningModel m;
    c.change(m);
    EXPECT_NE(m.Invalid().find(c.says), std::string::npos) << m.Invalid();
  }
}

TEST(EveningModelTest, PoissonArrivalsHaveTheRateAndAreReproducible) {
  const double rate = 400, seconds = 30;
  auto a = PoissonArrivals(rate, seconds, 7);
  EXPECT_EQ(a, PoissonArrivals(rate, seconds, 7));
  EXPECT_NE(a, PoissonArrivals(rate, seconds, 8));
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_GT(a.front(), 0.0);
  EXPECT_LT(a.back(), seconds);
  // 12,000 expected; the standard deviation of a Poisson count is sqrt(12,000) ~ 110.
  EXPECT_NEAR(static_cast<double>(a.size()), rate * seconds, 5 * std::sqrt(rate * seconds));
  // Gaps are exponential: about 1/e of them longer than the mean gap.
  int longer = 0;
  for (size_t i = 1; i < a.size(); ++i) longer += (a[i] - a[i - 1]) > 1.0 / rate;
  EXPECT_NEAR(static_cast<double>(longer) / static_cast<double>(a.size()), std::exp(-1.0), 0.02);
  EXPECT_TRUE(PoissonArrivals(0, 10, 1).empty());
}

TEST(EveningModelTest, MultiplesAreIncreasingPositiveNumbers) {
  EXPECT_EQ(ParseMultiples("1,2,5,10"), (std::vector<double>{1, 2, 5, 10}));
  EXPECT_EQ(ParseMultiples("0.5,1.5"), (std::vector<double>{0.5, 1.5}));
  EXPECT_TRUE(ParseMultiples("1,1").empty());
  EXPECT_TRUE(ParseMultiples("2,1").empty());
  EXPECT_TRUE(ParseMultiples("1,x").empty());
  EXPECT_TRUE(ParseMultiples("0").empty());
  EXPECT_TRUE(ParseMultiples("").empty());
}

}  // namespace
}  // namespace wp::bench
