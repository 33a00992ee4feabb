#include "features/dashboards/periods.h"

#include <gtest/gtest.h>

#include "features/dashboards/bar_chart.h"

namespace wp::dashboards {
namespace {

time::TimeZone Amsterdam() { return *time::TimeZone::FromPosixRule(time::kAmsterdamRule); }

TEST(PeriodsTest, QuartersStartAtLocalMidnight) {
  auto zone = Amsterdam();
  auto b = QuarterBounds(zone, 2026);
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[0], time::UnixFromCivil({2025, 12, 31, 23, 0, 0}));  // CET
  EXPECT_EQ(b[1], time::UnixFromCivil({2026, 3, 31, 22, 0, 0}));   // CEST
  EXPECT_EQ(b[4], time::UnixFromCivil({2026, 12, 31, 23, 0, 0}));
}

TEST(PeriodsTest, OnlyEndedQuartersCount) {
  auto zone = Amsterdam();
  auto b = QuarterBounds(zone, 2026);
  EXPECT_EQ(EndedQuarters(zone, 2026, b[0] + 10), 0);
  EXPECT_EQ(EndedQuarters(zone, 2026, b[1] - 1), 0);
  EXPECT_EQ(EndedQuarters(zone, 2026, b[1]), 1);
  EXPECT_EQ(EndedQuarters(zone, 2026, b[4]), 4);
  EXPECT_EQ(DefaultYear(zone, b[0] + 10), 2025);
  EXPECT_EQ(DefaultYear(zone, b[3] + 10), 2026);
}

TEST(BarChartTest, EscapesTextAndDrawsOnlyShownCounts) {
  std::string svg = BarChartSvg("c1", "Leden <per> wijk", {{"A&B", "120 tot 129", 120}, {"C", "minder dan 10", 0}});
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("Leden &lt;per&gt; wijk"), std::string::npos);
  EXPECT_NE(svg.find("A&amp;B"), std::string::npos);
  EXPECT_EQ(svg.find("<rect"), svg.rfind("<rect"));  // one bar
}

}  // namespace
}  // namespace wp::dashboards
