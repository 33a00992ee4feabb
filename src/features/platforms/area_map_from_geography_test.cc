// The area rules on the shipped Haarlem CBS 2024 data and the 2019 mapping of
// the former wijkraden.
#include "features/platforms/area_map_from_geography.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "features/geography/cbs_import.h"
#include "testing/temp_dir.h"

namespace wp::platforms {
namespace {

using wp::testing::GeoDir;

const AreaMap* Haarlem() {
  static const std::optional<AreaMap> map = []() -> std::optional<AreaMap> {
    auto m = geography::LoadMunicipalityFromFolder(GeoDir(), "haarlem");
    if (!m.has_value()) return std::nullopt;
    return AreaMapFromGeography(*m);
  }();
  return map ? &*map : nullptr;
}

#define ASSERT_HAARLEM_LOADED()                                                    \
  ASSERT_NE(Haarlem(), nullptr) << "Haarlem CBS data not loaded from " << GeoDir() \
                                << "; run through ctest (it sets WP_SOURCE_DIR) or from the source folder"

TEST(AreaMapFromGeographyTest, CopiesBuurtenAndCouncils) {
  ASSERT_HAARLEM_LOADED();
  const AreaMap& map = *Haarlem();
  EXPECT_EQ(map.neighbourhoods.size(), 111u);
  std::set<std::string> boroughs;
  for (const auto& n : map.neighbourhoods) {
    EXPECT_TRUE(IsNeighbourhoodCode(n.code)) << n.code;
    EXPECT_EQ(DistrictOfNeighbourhood(n.code), n.district_code) << n.code;
    boroughs.insert(n.borough_slug);
  }
  EXPECT_EQ(boroughs, (std::set<std::string>{"centrum", "noord", "oost", "schalkwijk", "zuidwest"}));
  EXPECT_GE(map.councils.size(), 30u);
}

TEST(HaarlemAreaTest, EveryMappedFormerWijkraadIsAValidArea) {
  ASSERT_HAARLEM_LOADED();
  int mapped = 0;
  for (const auto& council : Haarlem()->councils) {
    if (council.neighbourhood_codes.empty()) continue;
    ++mapped;
    std::set<std::string> area(council.neighbourhood_codes.begin(), council.neighbourhood_codes.end());
    auto got = CheckArea(area, *Haarlem());
    ASSERT_TRUE(got.has_value()) << council.name << ": " << AreaProblemKey(got.error().problem);
    EXPECT_NE(std::find(got->whole_council_names.begin(), got->whole_council_names.end(), council.name),
              got->whole_council_names.end())
        << council.name;
  }
  EXPECT_GE(mapped, 30);
}

TEST(HaarlemAreaTest, EveryWholeWijkIsAValidArea) {
  ASSERT_HAARLEM_LOADED();
  std::map<std::string, std::set<std::string>> by_district;
  for (const auto& n : Haarlem()->neighbourhoods) by_district[n.district_code].insert(n.code);
  EXPECT_EQ(by_district.size(), 21u);
  for (const auto& [district, area] : by_district) {
    auto got = CheckArea(area, *Haarlem());
    ASSERT_TRUE(got.has_value()) << district << ": " << AreaProblemKey(got.error().problem);
    EXPECT_EQ(got->whole_district_codes, std::vector<std::string>{district});
  }
}

TEST(HaarlemAreaTest, TheWholeCityIsNotOnePlatform) {
  ASSERT_HAARLEM_LOADED();
  std::set<std::string> all;
  for (const auto& n : Haarlem()->neighbourhoods) all.insert(n.code);
  auto got = CheckArea(all, *Haarlem());
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().problem, AreaProblem::kSeveralBoroughs);
  EXPECT_EQ(got.error().codes.size(), 5u);
}

TEST(HaarlemAreaTest, TwoFormerWijkradenInOneWijkMustFormOnePlatform) {
  ASSERT_HAARLEM_LOADED();
  // Burgwal and Heilige Landen/De Kamp were separate wijkraden, both in wijk Oude Stad.
  std::vector<OtherPlatform> others = {{7, "Wijkplatform Burgwal", PlatformStatus::kRecognised, {"BU03920104"}}};
  std::set<std::string> heilige_landen = {"BU03920106"};
  ASSERT_TRUE(CheckArea(heilige_landen, *Haarlem()).has_value());
  auto got = CheckOverlap(0, heilige_landen, others);
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error(),
            (std::vector<OverlapConflict>{{OverlapReason::kSameDistrict, 7, "Wijkplatform Burgwal", {"WK039201"}}}));
}

}  // namespace
}  // namespace wp::platforms
