// The matching score as a table: kind, shared themes, area, and the order of suggestions.
#include "features/offers/matching.h"

#include <gtest/gtest.h>

namespace wp::offers {
namespace {

MatchFacts F(int64_t id, Kind kind, std::vector<std::string> themes, std::string district, std::string borough) {
  return {id, kind, std::move(themes), std::move(district), std::move(borough)};
}

TEST(MatchingTest, ScoresByKindThemesAndArea) {
  const MatchFacts need = F(1, Kind::kVolunteers, {"clean", "green"}, "WK039201", "centrum");
  struct Case {
    const char* name;
    MatchFacts offer;
    int score;
    AreaFit area;
    bool suggested;
  } cases[] = {
      {"other kind never matches", F(2, Kind::kMaterials, {"clean"}, "WK039201", "centrum"), 0, AreaFit::kElsewhere,
       false},
      {"kind only, elsewhere", F(2, Kind::kVolunteers, {}, "WK039299", "noord"), 40, AreaFit::kElsewhere, false},
      {"kind and city-wide", F(2, Kind::kVolunteers, {}, "", ""), 50, AreaFit::kCityWide, true},
      {"kind and same stadsdeel", F(2, Kind::kVolunteers, {}, "WK039202", "centrum"), 55, AreaFit::kSameBorough, true},
      {"kind and same wijk", F(2, Kind::kVolunteers, {}, "WK039201", "centrum"), 70, AreaFit::kSameDistrict, true},
      {"one theme elsewhere", F(2, Kind::kVolunteers, {"clean"}, "WK039299", "noord"), 60, AreaFit::kElsewhere,
       true},
      {"two themes, same wijk", F(2, Kind::kVolunteers, {"green", "clean"}, "WK039201", "centrum"), 110,
       AreaFit::kSameDistrict, true},
      {"unshared themes count nothing", F(2, Kind::kVolunteers, {"sport"}, "WK039299", "noord"), 40,
       AreaFit::kElsewhere, false},
  };
  for (const auto& c : cases) {
    MatchScore s = Score(need, c.offer);
    EXPECT_EQ(s.score, c.score) << c.name;
    if (c.score > 0) {
      EXPECT_EQ(s.area, c.area) << c.name;
    }
    EXPECT_EQ(s.suggested(), c.suggested) << c.name;
  }
}

TEST(MatchingTest, ThemePointsStopAtTheMaximum) {
  MatchFacts need = F(1, Kind::kKnowledge, {"green", "play", "meeting", "clean"}, "", "");
  MatchFacts offer = F(2, Kind::kKnowledge, {"green", "play", "meeting", "clean"}, "WK039299", "noord");
  MatchScore s = Score(need, offer);
  EXPECT_EQ(s.shared_themes.size(), 4u);
  EXPECT_EQ(s.score, kKindPoints + kMaxThemePoints);
}

TEST(MatchingTest, ANeedWithoutPlaceFitsOnlyCityWideOffers) {
  MatchFacts need = F(1, Kind::kSpace, {}, "", "");
  EXPECT_EQ(Score(need, F(2, Kind::kSpace, {}, "", "")).area, AreaFit::kCityWide);
  EXPECT_EQ(Score(need, F(3, Kind::kSpace, {}, "WK039201", "centrum")).area, AreaFit::kElsewhere);
}

TEST(MatchingTest, BestOffersAreSortedByScoreThenNewestAndCut) {
  MatchFacts need = F(1, Kind::kMaterials, {"clean"}, "WK039201", "centrum");
  std::vector<MatchFacts> offers = {F(10, Kind::kMaterials, {}, "", ""),
                                    F(11, Kind::kMaterials, {"clean"}, "WK039201", "centrum"),
                                    F(12, Kind::kMaterials, {}, "", ""),
                                    F(13, Kind::kSpace, {"clean"}, "WK039201", "centrum"),
                                    F(14, Kind::kMaterials, {}, "WK039299", "noord")};
  auto best = BestOffers(need, offers, 10);
  ASSERT_EQ(best.size(), 3u);
  EXPECT_EQ(best[0].id, 11);
  EXPECT_EQ(best[1].id, 12) << "same score: the newer first";
  EXPECT_EQ(best[2].id, 10);
  EXPECT_EQ(BestOffers(need, offers, 1).size(), 1u);
  auto needs = BestNeeds(F(20, Kind::kMaterials, {"clean"}, "", ""), {need}, 5);
  ASSERT_EQ(needs.size(), 1u);
  EXPECT_EQ(needs[0].id, 1);
  EXPECT_EQ(needs[0].match.score, kKindPoints + kThemePoints + kCityWidePoints);
}

}  // namespace
}  // namespace wp::offers
