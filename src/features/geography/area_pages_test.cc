// Unit tests of the home, stadsdeel and wijk pages: the handlers are called
// directly (testing/page_harness.h), no server involved.
#include "features/geography/area_pages.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "testing/page_harness.h"
#include "testing/temp_dir.h"
#include "wp_geography_files.h"

namespace wp::geography {
namespace {

using wp::testing::PageHarness;

class AreaPagesTest : public ::testing::Test {
 protected:
  AreaPagesTest() : service_(h_.db(), h_.clock()), pages_(h_.web(), service_, service_.commands()) {}
  void SetUp() override { ASSERT_TRUE(service_.ImportFolder(wp::testing::GeoDir(), "haarlem", false).has_value()); }
  web::Web::Handler Handler(Result<http::Response> (AreaPages::*fn)(web::Context&)) {
    return [this, fn](web::Context& ctx) { return (pages_.*fn)(ctx); };
  }
  http::Response District(const std::string& code) {
    return h_.Get(Handler(&AreaPages::ShowDistrict), "/wijk/" + code, {{"code", code}});
  }
  http::Response Borough(const std::string& slug) {
    return h_.Get(Handler(&AreaPages::ShowBorough), "/stadsdeel/" + slug, {{"slug", slug}});
  }
  static bool Has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }
  static std::string Svg(const http::Response& r) {
    size_t start = r.body.find("<svg");
    return start == std::string::npos ? "" : r.body.substr(start, r.body.find("</svg>", start) - start);
  }

  PageHarness h_{"geography", GeographyFiles()};
  GeographyService service_;
  AreaPages pages_;
};

TEST_F(AreaPagesTest, HomeShowsTheCityMapAndEveryStadsdeelAndWijk) {
  auto r = h_.Get(Handler(&AreaPages::Home), "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "aria-labelledby=\"stadskaart-title stadskaart-desc\"")) << r.body;
  EXPECT_TRUE(Has(r, "href=\"/stadsdeel/schalkwijk\""));
  EXPECT_TRUE(Has(r, "href=\"/wijk/WK039221\""));
  EXPECT_FALSE(Has(r, "wp-empty"));
}

TEST_F(AreaPagesTest, HomeWithoutGeographySaysHowToLoadIt) {
  GeographyService empty(h_.db(), h_.clock());
  AreaPages pages(h_.web(), empty, empty.commands());
  auto r = h_.Get([&](web::Context& ctx) { return pages.Home(ctx); }, "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "class=\"wp-empty\"")) << r.body;
  EXPECT_TRUE(Has(r, "wijkplatform geo import"));
  EXPECT_FALSE(Has(r, "<svg"));
}

TEST_F(AreaPagesTest, StadsdeelPageHasBreadcrumbFiguresAndATableOfItsWijken) {
  auto r = Borough("schalkwijk");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "<h1 class=\"utrecht-heading-1\">Stadsdeel Schalkwijk</h1>")) << r.body;
  EXPECT_TRUE(Has(r, "class=\"utrecht-breadcrumb-nav wp-breadcrumb\""));
  EXPECT_TRUE(Has(r, "aria-current=\"page\" href=\"/stadsdeel/schalkwijk\">Schalkwijk</a>"));
  EXPECT_TRUE(Has(r, "<caption class=\"utrecht-table__caption\">Wijken met het aantal inwoners"));
  EXPECT_TRUE(Has(r, "scope=\"row\"><a class=\"utrecht-link\" href=\"/wijk/WK039221\">"));
  EXPECT_TRUE(Has(r, "class=\"wp-empty\"")) << "no contact yet";
  EXPECT_TRUE(Has(r, "nog niet ingevuld"));
  EXPECT_EQ(Borough("atlantis").status, 404);
}

TEST_F(AreaPagesTest, OnlyWhoMayEditTheContactSeesTheEditLink) {
  const std::string edit = "href=\"/stadsdeel/schalkwijk/contact\"";
  EXPECT_FALSE(Has(Borough("schalkwijk"), edit)) << "visitor";
  h_.SignInAs(auth::User{2, "gv@haarlem.example", "Gebiedsverbinder", "nl", {{auth::Role::kAreaLiaison, "noord"}}});
  EXPECT_FALSE(Has(Borough("schalkwijk"), edit)) << "gebiedsverbinder of another stadsdeel";
  h_.SignInAs(
      auth::User{3, "gv@haarlem.example", "Gebiedsverbinder", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}});
  EXPECT_TRUE(Has(Borough("schalkwijk"), edit));
}

TEST_F(AreaPagesTest, APublishedContactLinksItsAddressAndNumber) {
  auth::User admin{1, "", "Beheer", "nl", {{auth::Role::kAdministrator, ""}}};
  ASSERT_TRUE(service_.commands()
                  .SaveContact(admin, "noord", {"Henk de Boer", "henk@haarlem.example", "14 023", "Spreekuur", 0})
                  .has_value());
  auto r = Borough("noord");
  EXPECT_TRUE(Has(r, "href=\"mailto:henk@haarlem.example\">henk@haarlem.example</a>")) << r.body;
  EXPECT_TRUE(Has(r, "href=\"tel:14 023\">14 023</a>"));
  EXPECT_TRUE(Has(r, "<p class=\"utrecht-paragraph\">Spreekuur</p>"));
  EXPECT_FALSE(Has(r, "nog niet ingevuld"));
}

TEST_F(AreaPagesTest, WijkPageLinksEachBuurtOnTheMapToItsRow) {
  auto r = District("WK039201");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "href=\"#BU03920101\"")) << "the map links the buurt";
  EXPECT_TRUE(Has(r, "scope=\"row\" id=\"BU03920101\">Stationsbuurt</th>")) << "to its row";
  EXPECT_TRUE(Has(r, "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">14.745</dd>"));
  EXPECT_TRUE(Has(r, "href=\"/stadsdeel/centrum\">Centrum</a>")) << "breadcrumb";
  EXPECT_EQ(District("oude-stad").status, 200) << "a slug works too";
  EXPECT_EQ(District("WK999999").status, 404);
  EXPECT_EQ(District("<script>").status, 404);
}

TEST_F(AreaPagesTest, WijkPageShowsOtherFeaturesSections) {
  service_.AddDistrictSection([](std::string_view code, std::string_view locale) {
    return "<section id=\"extra\">" + std::string(code) + "/" + std::string(locale) + "</section>";
  });
  EXPECT_TRUE(Has(District("oude-stad"), "<section id=\"extra\">WK039201/nl</section>"));
}

// The map of an area is rendered once per language and kept until the
// geography changes; then the pages show the new geography's maps.
TEST_F(AreaPagesTest, MapsAreKeptPerAreaAndLanguageUntilTheGeographyChanges) {
  auto first = District("WK039201");
  EXPECT_EQ(pages_.cached_maps_for_test(), 1u);
  ASSERT_FALSE(Svg(first).empty());
  EXPECT_EQ(Svg(District("oude-stad")), Svg(first)) << "the same map from the cache";
  EXPECT_EQ(pages_.cached_maps_for_test(), 1u);
  (void)h_.Get(Handler(&AreaPages::Home), "/");
  (void)Borough("centrum");
  EXPECT_EQ(pages_.cached_maps_for_test(), 3u);

  // A new import renames the wijk.
  wp::testing::TempDir geo;
  for (const char* f : {"haarlem-stadsdelen.csv", "haarlem-wijken.csv", "haarlem-wijken.geojson", "haarlem-buurten.csv",
                        "haarlem-buurten.geojson"}) {
    std::ifstream in(wp::testing::GeoDir() / f);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (size_t p = text.find("Oude Stad"); p != std::string::npos; p = text.find("Oude Stad", p)) {
      text.replace(p, 9, "Binnenstad");
    }
    std::ofstream(geo.path() / f) << text;
  }
  ASSERT_TRUE(service_.ImportFolder(geo.path(), "haarlem", true).has_value());
  auto renamed = District("WK039201");
  EXPECT_TRUE(Has(renamed, "<title id=\"wijkkaart-title\">Kaart van Binnenstad</title>")) << renamed.body;
  EXPECT_EQ(pages_.cached_maps_for_test(), 1u) << "the old maps are gone";
}

}  // namespace
}  // namespace wp::geography
