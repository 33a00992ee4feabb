#include "features/signals/trends_chart.h"

#include <gtest/gtest.h>

namespace wp::signals {
namespace {

TEST(TrendChartTest, BarsScaleToTheHighestCountAndEveryTextIsEscaped) {
  std::string svg = TrendChartSvg({"c1", "Groen & bomen: 6 meldingen", {"jan", "feb", "mrt"}, {0, 2, 4}});
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\" "), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"c1-title\"><title id=\"c1-title\">Groen &amp; bomen: 6 meldingen</title>"),
            std::string::npos);
  // The plot is 120 high: 4 (the highest) fills it, 2 half, 0 nothing.
  EXPECT_NE(svg.find("height=\"120\" fill=\"#1f5f8b\"><title>mrt: 4</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("height=\"60\" fill=\"#1f5f8b\"><title>feb: 2</title>"), std::string::npos);
  EXPECT_NE(svg.find("height=\"0\" fill=\"#1f5f8b\"><title>jan: 0</title>"), std::string::npos);
  EXPECT_NE(svg.find(">4</text>"), std::string::npos) << "the axis names the highest count";
}

TEST(TrendChartTest, AllZeroDrawsNoBarsWithoutDividingByZero) {
  std::string svg = TrendChartSvg({"c2", "Leeg", {"jan"}, {0}});
  EXPECT_NE(svg.find("height=\"0\""), std::string::npos);
}

}  // namespace
}  // namespace wp::signals
