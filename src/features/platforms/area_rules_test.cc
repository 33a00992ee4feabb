#include "features/platforms/area_rules.h"

#include <gtest/gtest.h>

namespace wp::platforms {
namespace {

// Two stadsdelen: noord (wijken 01 and 02) and oost (wijk 03).
AreaMap TestMap() {
  AreaMap m;
  m.neighbourhoods = {
      {"BU03920101", "WK039201", "noord"}, {"BU03920102", "WK039201", "noord"}, {"BU03920103", "WK039201", "noord"},
      {"BU03920201", "WK039202", "noord"}, {"BU03920202", "WK039202", "noord"}, {"BU03920301", "WK039203", "oost"},
      {"BU03920302", "WK039203", "oost"},
  };
  m.councils = {
      {"Kleine Buurt", {"BU03920101"}},               // a wijkraad smaller than its wijk
      {"Grensgebied", {"BU03920103", "BU03920201"}},  // a wijkraad across two wijken
      {"Niet in kaart", {}},                          // not mapped: ignored
  };
  return m;
}

TEST(NeighbourhoodCodeTest, FormAndDistrict) {
  EXPECT_TRUE(IsNeighbourhoodCode("BU03920101"));
  for (std::string_view bad : {"", "BU0392010", "BU039201011", "bu03920101", "WK03920101", "BU0392010x"}) {
    EXPECT_FALSE(IsNeighbourhoodCode(bad)) << bad;
  }
  EXPECT_EQ(DistrictOfNeighbourhood("BU03920102"), "WK039201");
}

TEST(CheckAreaTest, Table) {
  using V = std::vector<std::string>;
  struct Case {
    const char* label;
    std::set<std::string> area;
    std::optional<AreaError> error;
    AreaSummary want;  // when no error
  } cases[] = {
      {"a whole wijk",
       {"BU03920101", "BU03920102", "BU03920103"},
       std::nullopt,
       {"noord", V{"WK039201"}, V{"WK039201"}, V{"Kleine Buurt"}}},
      {"a former wijkraad smaller than a wijk",
       {"BU03920101"},
       std::nullopt,
       {"noord", V{"WK039201"}, V{}, V{"Kleine Buurt"}}},
      {"a wijkraad across two wijken",
       {"BU03920103", "BU03920201"},
       std::nullopt,
       {"noord", V{"WK039201", "WK039202"}, V{}, V{"Grensgebied"}}},
      {"two whole wijken of one stadsdeel",
       {"BU03920101", "BU03920102", "BU03920103", "BU03920201", "BU03920202"},
       std::nullopt,
       {"noord", V{"WK039201", "WK039202"}, V{"WK039201", "WK039202"}, V{"Grensgebied", "Kleine Buurt"}}},
      {"a whole wijk without wijkraad",
       {"BU03920301", "BU03920302"},
       std::nullopt,
       {"oost", V{"WK039203"}, V{"WK039203"}, V{}}},
      {"empty", {}, AreaError{AreaProblem::kEmpty, {}}, {}},
      {"malformed codes listed",
       {"BU03920101", "WK039201", "hallo"},
       AreaError{AreaProblem::kMalformedCode, V{"WK039201", "hallo"}},
       {}},
      {"unknown buurt",
       {"BU03920101", "BU03929999"},
       AreaError{AreaProblem::kUnknownNeighbourhood, V{"BU03929999"}},
       {}},
      {"buurt of another municipality",
       {"BU03630101"},
       AreaError{AreaProblem::kUnknownNeighbourhood, V{"BU03630101"}},
       {}},
      {"two stadsdelen",
       {"BU03920202", "BU03920301", "BU03920302"},
       AreaError{AreaProblem::kSeveralBoroughs, V{"noord", "oost"}},
       {}},
      {"part of a wijk, no whole wijkraad", {"BU03920102", "BU03920103"}, AreaError{AreaProblem::kNoWholeUnit, {}}, {}},
      {"half of a wijkraad", {"BU03920201"}, AreaError{AreaProblem::kNoWholeUnit, {}}, {}},
      {"malformed wins over unknown", {"BU03929999", "x"}, AreaError{AreaProblem::kMalformedCode, V{"x"}}, {}},
  };
  const AreaMap map = TestMap();
  for (const auto& c : cases) {
    auto got = CheckArea(c.area, map);
    if (c.error) {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), *c.error) << c.label;
      EXPECT_FALSE(AreaProblemKey(got.error().problem).empty());
      continue;
    }
    ASSERT_TRUE(got.has_value()) << c.label << ": " << AreaProblemKey(got.error().problem);
    EXPECT_EQ(got->borough_slug, c.want.borough_slug) << c.label;
    EXPECT_EQ(got->district_codes, c.want.district_codes) << c.label;
    EXPECT_EQ(got->whole_district_codes, c.want.whole_district_codes) << c.label;
    EXPECT_EQ(got->whole_council_names, c.want.whole_council_names) << c.label;
  }
}

TEST(CheckAreaTest, WithoutCouncilMappingsAWholeWijkIsTheMinimum) {
  AreaMap map = TestMap();
  map.councils.clear();
  EXPECT_FALSE(CheckArea({"BU03920101"}, map).has_value());
  EXPECT_TRUE(CheckArea({"BU03920201", "BU03920202"}, map).has_value());
}

OtherPlatform Other(PlatformId id, std::string name, PlatformStatus status, std::set<std::string> area) {
  return OtherPlatform{id, std::move(name), status, std::move(area)};
}

TEST(CheckOverlapTest, Table) {
  using V = std::vector<std::string>;
  using R = OverlapReason;
  const std::set<std::string> proposed = {"BU03920101", "BU03920102"};
  struct Case {
    const char* label;
    std::vector<OtherPlatform> others;
    AreaPolicy policy;
    std::vector<OverlapConflict> want;  // empty: ok
  } cases[] = {
      {"no others", {}, {}, {}},
      {"other wijk", {Other(2, "Oost", PlatformStatus::kRecognised, {"BU03920301"})}, {}, {}},
      {"shared buurt, recognised",
       {Other(2, "Noord", PlatformStatus::kRecognised, {"BU03920102", "BU03920103"})},
       {},
       {{R::kSharedNeighbourhoods, 2, "Noord", V{"BU03920102"}}}},
      {"shared buurt, submitted counts",
       {Other(2, "Noord", PlatformStatus::kSubmitted, {"BU03920101"})},
       {},
       {{R::kSharedNeighbourhoods, 2, "Noord", V{"BU03920101"}}}},
      {"shared buurt, in formation counts",
       {Other(2, "Noord", PlatformStatus::kInFormation, {"BU03920101"})},
       {},
       {{R::kSharedNeighbourhoods, 2, "Noord", V{"BU03920101"}}}},
      {"ended frees the area", {Other(2, "Noord", PlatformStatus::kEnded, {"BU03920101"})}, {}, {}},
      {"withdrawn frees the area", {Other(2, "Noord", PlatformStatus::kWithdrawn, {"BU03920101"})}, {}, {}},
      {"refused frees the area", {Other(2, "Noord", PlatformStatus::kRefused, {"BU03920101"})}, {}, {}},
      {"same wijk, other buurt",
       {Other(2, "Noord", PlatformStatus::kRecognised, {"BU03920103"})},
       {},
       {{R::kSameDistrict, 2, "Noord", V{"WK039201"}}}},
      {"same wijk allowed by policy", {Other(2, "Noord", PlatformStatus::kRecognised, {"BU03920103"})}, {false}, {}},
      {"shared buurt refused even with policy off",
       {Other(2, "Noord", PlatformStatus::kRecognised, {"BU03920101"})},
       {false},
       {{R::kSharedNeighbourhoods, 2, "Noord", V{"BU03920101"}}}},
      {"itself is skipped", {Other(1, "Zelf", PlatformStatus::kRecognised, {"BU03920101"})}, {}, {}},
      {"several conflicts in input order",
       {Other(3, "C", PlatformStatus::kRecognised, {"BU03920103"}),
        Other(2, "B", PlatformStatus::kSubmitted, {"BU03920101", "BU03920102"}),
        Other(4, "D", PlatformStatus::kEnded, {"BU03920101"})},
       {},
       {{R::kSameDistrict, 3, "C", V{"WK039201"}}, {R::kSharedNeighbourhoods, 2, "B", V{"BU03920101", "BU03920102"}}}},
  };
  for (const auto& c : cases) {
    auto got = CheckOverlap(1, proposed, c.others, c.policy);
    if (c.want.empty()) {
      EXPECT_TRUE(got.has_value()) << c.label;
    } else {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), c.want) << c.label;
    }
  }
}

TEST(CheckOverlapTest, NewPlatformWithIdZeroIsComparedWithEveryone) {
  std::vector<OtherPlatform> others = {Other(0, "Vreemd", PlatformStatus::kSubmitted, {"BU03920101"})};
  EXPECT_FALSE(CheckOverlap(0, {"BU03920101"}, others).has_value());
}

TEST(CheckOverlapTest, MalformedCodesOnlyMatchAsText) {
  std::vector<OtherPlatform> others = {Other(2, "B", PlatformStatus::kRecognised, {"xyz"})};
  EXPECT_TRUE(CheckOverlap(1, {"abc"}, others).has_value());
  auto got = CheckOverlap(1, {"xyz"}, others);
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error()[0].reason, OverlapReason::kSharedNeighbourhoods);
}

TEST(OverlapReasonKeyTest, Distinct) {
  EXPECT_NE(OverlapReasonKey(OverlapReason::kSharedNeighbourhoods), OverlapReasonKey(OverlapReason::kSameDistrict));
}

}  // namespace
}  // namespace wp::platforms
