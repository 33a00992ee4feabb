#include "features/contracts/progress_chart.h"

#include <gtest/gtest.h>

namespace wp::contracts {
namespace {

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(ProgressChartTest, PartsTakeTheirShareOfTheBarAndTextIsEscaped) {
  std::string svg = ThemeChartSvg({"theme-3",
                                   "Groen & schoon: 4 afspraken",
                                   {{"Klaar", 1, "#2b7a3d"}, {"Op schema", 0, "#1f5f8b"}, {"Te laat", 3, "#b3261e"}}});
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_TRUE(Has(svg, "role=\"img\""));
  EXPECT_TRUE(
      Has(svg, "aria-labelledby=\"theme-3-title\"><title id=\"theme-3-title\">Groen &amp; schoon: 4 afspraken"));
  // 600 wide: 1 of 4 is 150, 3 of 4 is 450 and starts where the first ends.
  EXPECT_TRUE(Has(svg, "<rect x=\"0\" y=\"0\" width=\"150\" height=\"32\" fill=\"#2b7a3d\"><title>Klaar: 1</title>"))
      << svg;
  EXPECT_TRUE(Has(svg, "<rect x=\"150\" y=\"0\" width=\"450\" height=\"32\" fill=\"#b3261e\"><title>Te laat: 3"));
  EXPECT_FALSE(Has(svg, "<title>Op schema: 0</title>")) << "an empty part draws no rectangle";
  EXPECT_TRUE(Has(svg, ">Op schema: 0</text>")) << "but the legend names it";
}

TEST(ProgressChartTest, AThemeWithoutCommitmentsDrawsOnlyTheFrame) {
  std::string svg = ThemeChartSvg({"t", "Leeg", {{"Klaar", 0, "#2b7a3d"}}});
  EXPECT_FALSE(Has(svg, "<title>Klaar"));
  EXPECT_TRUE(Has(svg, ">Klaar: 0</text>"));
}

}  // namespace
}  // namespace wp::contracts
