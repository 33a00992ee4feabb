#include "features/geography/geography.h"

#include <gtest/gtest.h>

namespace wp::geography {
namespace {

Ring Square(double x0, double y0, double x1, double y1) {
  return Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

TEST(CodeTest, ParsesOnlyWellFormedCbsCodes) {
  struct Case {
    std::string_view text;
    bool municipality, district, neighbourhood;
  };
  const Case cases[] = {
      {"GM0392", true, false, false},     {"WK039201", false, true, false},     {"BU03920101", false, false, true},
      {"gm0392", false, false, false},    {"GM392", false, false, false},       {"WK03920", false, false, false},
      {"WK0392011", false, false, false}, {"BU0392010A", false, false, false},  {" BU03920101", false, false, false},
      {"", false, false, false},          {"BU039201010", false, false, false}, {"XX039201", false, false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MunicipalityCode::Parse(c.text).has_value(), c.municipality) << c.text;
    EXPECT_EQ(DistrictCode::Parse(c.text).has_value(), c.district) << c.text;
    EXPECT_EQ(NeighbourhoodCode::Parse(c.text).has_value(), c.neighbourhood) << c.text;
  }
}

TEST(CodeTest, DerivesParentCodesFromCbsNumbering) {
  EXPECT_EQ(NeighbourhoodCode::Parse("BU03920101")->district().str(), "WK039201");
  EXPECT_EQ(DistrictCode::Parse("WK039221")->municipality().str(), "GM0392");
  EXPECT_TRUE(DistrictCode().str().empty());
  EXPECT_NE(DistrictCode(), *DistrictCode::Parse("WK039201"));
}

// Two boroughs, three districts, four neighbourhoods, built by hand.
Municipality SmallTown() {
  Municipality m;
  m.code = *MunicipalityCode::Parse("GM9999");
  m.name = "Testdorp";
  m.boroughs = {Borough{"Noord", "noord", 1}, Borough{"Zuid", "zuid", 2}};
  auto district = [](const char* code, const char* name, const char* slug, const char* borough, Ring r) {
    District d;
    d.code = *DistrictCode::Parse(code);
    d.name = name;
    d.slug = slug;
    d.borough = borough;
    d.shape = {Polygon{std::move(r), {}}};
    return d;
  };
  m.districts = {district("WK999901", "Dorp", "dorp", "Noord", Square(0, 1, 1, 2)),
                 district("WK999902", "Polder", "polder", "Zuid", Square(0, 0, 1, 1)),
                 district("WK999903", "Haven", "haven", "Zuid", Square(1, 0, 2, 1))};
  auto hood = [](const char* code, const char* name, const char* borough, Ring r) {
    Neighbourhood n;
    n.code = *NeighbourhoodCode::Parse(code);
    n.name = name;
    n.district_code = n.code.district();
    n.borough = borough;
    n.shape = {Polygon{std::move(r), {}}};
    return n;
  };
  m.neighbourhoods = {hood("BU99990101", "Kerkbuurt", "Noord", Square(0, 1, 0.5, 2)),
                      hood("BU99990102", "Molenbuurt", "Noord", Square(0.5, 1, 1, 2)),
                      hood("BU99990201", "Polder", "Zuid", Square(0, 0, 1, 1)),
                      hood("BU99990301", "Haven", "Zuid", Square(1, 0, 2, 1))};
  return m;
}

TEST(LookupTest, FindsAreasByCodeSlugAndName) {
  Municipality m = SmallTown();
  ASSERT_NE(FindDistrict(m, *DistrictCode::Parse("WK999902")), nullptr);
  EXPECT_EQ(FindDistrict(m, *DistrictCode::Parse("WK999902"))->name, "Polder");
  EXPECT_EQ(FindDistrict(m, *DistrictCode::Parse("WK999904")), nullptr);
  EXPECT_EQ(FindDistrict(m, DistrictCode()), nullptr);
  EXPECT_EQ(FindDistrictBySlug(m, "haven")->code.str(), "WK999903");
  EXPECT_EQ(FindDistrictBySlug(m, "nowhere"), nullptr);
  EXPECT_EQ(FindNeighbourhood(m, *NeighbourhoodCode::Parse("BU99990102"))->name, "Molenbuurt");
  EXPECT_EQ(FindNeighbourhood(m, *NeighbourhoodCode::Parse("BU99990103")), nullptr);
  EXPECT_EQ(FindBoroughBySlug(m, "zuid")->name, "Zuid");
  EXPECT_EQ(FindBoroughBySlug(m, "oost"), nullptr);
  EXPECT_EQ(FindBorough(m, "Noord")->index, 1);
}

TEST(LookupTest, ListsChildrenInCodeOrder) {
  Municipality m = SmallTown();
  auto hoods = NeighbourhoodsOfDistrict(m, *DistrictCode::Parse("WK999901"));
  ASSERT_EQ(hoods.size(), 2u);
  EXPECT_EQ(hoods[0]->name, "Kerkbuurt");
  EXPECT_EQ(hoods[1]->name, "Molenbuurt");
  EXPECT_TRUE(NeighbourhoodsOfDistrict(m, *DistrictCode::Parse("WK999909")).empty());
  auto districts = DistrictsOfBorough(m, "Zuid");
  ASSERT_EQ(districts.size(), 2u);
  EXPECT_EQ(districts[0]->code.str(), "WK999902");
  EXPECT_TRUE(DistrictsOfBorough(m, "Oost").empty());
}

TEST(GeometryTest, ContainsRespectsHolesAndMultiplePolygons) {
  MultiPolygon donut = {Polygon{Square(0, 0, 4, 4), {Square(1, 1, 3, 3)}}, Polygon{Square(10, 10, 11, 11), {}}};
  EXPECT_TRUE(Contains(donut, {0.5, 0.5}));
  EXPECT_FALSE(Contains(donut, {2, 2}));  // in the hole
  EXPECT_TRUE(Contains(donut, {10.5, 10.5}));
  EXPECT_FALSE(Contains(donut, {5, 5}));
  EXPECT_FALSE(Contains(MultiPolygon{}, {0, 0}));
}

TEST(GeometryTest, FindsTheAreaAtAPoint) {
  Municipality m = SmallTown();
  ASSERT_NE(FindNeighbourhoodAt(m, 0.75, 1.5), nullptr);
  EXPECT_EQ(FindNeighbourhoodAt(m, 0.75, 1.5)->name, "Molenbuurt");
  EXPECT_EQ(FindNeighbourhoodAt(m, 1.5, 0.5)->name, "Haven");
  EXPECT_EQ(FindNeighbourhoodAt(m, 5, 5), nullptr);
  EXPECT_EQ(FindDistrictAt(m, 0.25, 1.9)->name, "Dorp");
  EXPECT_EQ(FindDistrictAt(m, -1, 0), nullptr);
}

TEST(GeometryTest, CentroidOfSquareAndSquareWithHole) {
  auto c = Centroid({Polygon{Square(0, 0, 2, 2), {}}});
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->lon, 1);
  EXPECT_DOUBLE_EQ(c->lat, 1);
  // A hole in the left half moves the centroid right; holes may be wound either way.
  Ring hole = Square(0.25, 0.5, 0.75, 1.5);
  Ring reversed(hole.rbegin(), hole.rend());
  for (const Ring& h : {hole, reversed}) {
    auto ch = Centroid({Polygon{Square(0, 0, 2, 2), {h}}});
    ASSERT_TRUE(ch);
    EXPECT_GT(ch->lon, 1.0);
    EXPECT_NEAR(ch->lat, 1.0, 1e-12);
  }
  EXPECT_FALSE(Centroid({}).has_value());
  EXPECT_FALSE(Centroid({Polygon{Ring{{0, 0}, {1, 1}, {2, 2}, {0, 0}}, {}}}).has_value());
}

TEST(GeometryTest, InteriorPointOfConcaveShapeIsInside) {
  // A "U": its centroid lies in the gap between the arms.
  Ring u = {{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}};
  MultiPolygon shape = {Polygon{u, {}}};
  auto c = Centroid(shape);
  ASSERT_TRUE(c);
  EXPECT_FALSE(Contains(shape, *c));
  auto p = InteriorPoint(shape);
  ASSERT_TRUE(p);
  EXPECT_TRUE(Contains(shape, *p));
}

TEST(GeometryTest, BoundingBoxGrowsFromEmpty) {
  BoundingBox box;
  EXPECT_TRUE(box.empty);
  box.Extend(MultiPolygon{Polygon{Square(1, 2, 3, 4), {}}});
  box.Extend(Point{-1, 3});
  EXPECT_FALSE(box.empty);
  EXPECT_EQ(box.min_lon, -1);
  EXPECT_EQ(box.max_lon, 3);
  EXPECT_EQ(box.min_lat, 2);
  EXPECT_EQ(box.max_lat, 4);
}

}  // namespace
}  // namespace wp::geography
