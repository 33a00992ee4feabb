// HTTP tests of the home page, stadsdeel and wijk pages, and the contact form.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "testing/app_harness.h"

namespace wp::geography {
namespace {

using wp::testing::AppHarness;

class GeographyRoutesTest : public ::testing::Test {
 protected:
  AppHarness h_;
};

TEST_F(GeographyRoutesTest, HomeShowsTheCityMapAndEveryWijkAsALink) {
  auto c = h_.Client();
  auto r = c->Get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<svg"), std::string::npos);
  EXPECT_NE(r.body.find("aria-labelledby=\"stadskaart-title stadskaart-desc\""), std::string::npos);
  for (const char* code : {"WK039201", "WK039221"}) {
    // Twice: once on the map, once in the list next to it.
    size_t first = r.body.find(std::string("href=\"/wijk/") + code + "\"");
    ASSERT_NE(first, std::string::npos) << code;
    EXPECT_NE(r.body.find(std::string("href=\"/wijk/") + code + "\"", first + 1), std::string::npos) << code;
  }
  for (const char* slug : {"centrum", "noord", "oost", "schalkwijk", "zuidwest"}) {
    EXPECT_NE(r.body.find(std::string("href=\"/stadsdeel/") + slug + "\""), std::string::npos) << slug;
  }
  EXPECT_NE(r.body.find("CBS, Kadaster"), std::string::npos) << "credit in the footer";
}

TEST_F(GeographyRoutesTest, WijkPageShowsBuurtenAndCbsFigures) {
  auto c = h_.Client();
  auto r = c->Get("/wijk/WK039201");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Wijk Oude Stad"), std::string::npos);
  EXPECT_NE(r.body.find("14.745"), std::string::npos) << "population with a Dutch thousands separator";
  EXPECT_NE(r.body.find("Stationsbuurt"), std::string::npos);
  EXPECT_NE(r.body.find("BU03920101"), std::string::npos);
  auto en = c->Get("/wijk/WK039201", {{"Cookie", "wp_lang=en"}});
  EXPECT_NE(en.body.find("14,745"), std::string::npos);
  EXPECT_NE(en.body.find("District Oude Stad"), std::string::npos);
  EXPECT_EQ(c->Get("/wijk/oude-stad").status, 200) << "a slug works too";
  EXPECT_EQ(c->Get("/wijk/WK999999").status, 404);
  EXPECT_EQ(c->Get("/wijk/%3Cscript%3E").status, 404);
}

TEST_F(GeographyRoutesTest, StadsdeelPageListsItsWijken) {
  auto c = h_.Client();
  auto r = c->Get("/stadsdeel/schalkwijk");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Stadsdeel Schalkwijk"), std::string::npos);
  EXPECT_NE(r.body.find("nog niet ingevuld"), std::string::npos) << "no contact yet";
  EXPECT_EQ(r.body.find("Contactgegevens wijzigen"), std::string::npos) << "anonymous visitors cannot edit";
  EXPECT_EQ(c->Get("/stadsdeel/atlantis").status, 404);
}

TEST_F(GeographyRoutesTest, GebiedsverbinderEditsOnlyTheirOwnStadsdeel) {
  auto gv = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto page = gv->Get("/stadsdeel/schalkwijk");
  EXPECT_NE(page.body.find("Contactgegevens wijzigen"), std::string::npos);
  auto bad = AppHarness::SubmitForm(*gv, "/stadsdeel/schalkwijk/contact", "/stadsdeel/schalkwijk/contact",
                                    {{"contact_name", ""}, {"email", "geen-email"}, {"phone", "bel me"}, {"note", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("wp-error-summary"), std::string::npos);
  auto ok = AppHarness::SubmitForm(*gv, "/stadsdeel/schalkwijk/contact", "/stadsdeel/schalkwijk/contact",
                                   {{"contact_name", "Fatima <b>El</b> Amrani"}, {"email", "f.elamrani@haarlem.example"},
                                    {"phone", "+31 23 511 5115"}, {"note", "Spreekuur dinsdag 10-12 in De Schalkwijker"}});
  ASSERT_EQ(ok.status, 303);
  auto shown = h_.Client()->Get("/stadsdeel/schalkwijk");
  EXPECT_NE(shown.body.find("Fatima &lt;b&gt;El&lt;/b&gt; Amrani"), std::string::npos) << "escaped";
  EXPECT_NE(shown.body.find("mailto:f.elamrani@haarlem.example"), std::string::npos);
  EXPECT_EQ(gv->Get("/stadsdeel/noord/contact").status, 403);
  auto csrf = AppHarness::CsrfToken(*gv, "/stadsdeel/schalkwijk/contact");
  auto other = gv->PostForm("/stadsdeel/noord/contact", {{"_csrf", csrf}, {"contact_name", "X"}, {"email", "x@x.nl"}});
  EXPECT_EQ(other.status, 403);
  EXPECT_NE(h_.Client()->Get("/stadsdeel/noord").body.find("nog niet ingevuld"), std::string::npos);
}

// The stadsdeel page is a public page kept in the page cache
// (core/web/page_cache.h): a second anonymous visitor gets the kept page, and
// a change saved in between shows at once, without waiting for page_cache_ms.
TEST_F(GeographyRoutesTest, Issue20_ACachedPublicPageShowsAChangeAtOnce) {
  auto metric = [&](const std::string& what) {
    std::string body = h_.Client()->Get("/metrics").body;
    std::string series = "wp_page_cache{what=\"" + what + "\"} ";
    size_t at = body.find(series);
    return at == std::string::npos ? -1.0 : std::stod(body.substr(at + series.size()));
  };
  const double hits_before = metric("hits");
  ASSERT_GE(hits_before, 0) << "/metrics reports the page cache";
  // The background worker's polls are writes too (they end every kept page);
  // its first poll runs as the server starts, so a pair may straddle one.
  wp::testing::HttpResponse first, second;
  for (int attempt = 0; attempt < 20 && metric("hits") == hits_before; ++attempt) {
    first = h_.Client()->Get("/stadsdeel/schalkwijk");
    second = h_.Client()->Get("/stadsdeel/schalkwijk");
  }
  EXPECT_GT(metric("hits"), hits_before) << "a second anonymous visitor got the kept page";
  EXPECT_EQ(first.body, second.body);
  EXPECT_NE(first.Header("Set-Cookie"), second.Header("Set-Cookie")) << "each visitor his own session";
  EXPECT_NE(second.body.find("nog niet ingevuld"), std::string::npos);

  auto gv = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto ok = AppHarness::SubmitForm(*gv, "/stadsdeel/schalkwijk/contact", "/stadsdeel/schalkwijk/contact",
                                   {{"contact_name", "Fatima El Amrani"}, {"email", "f.elamrani@haarlem.example"},
                                    {"phone", ""}, {"note", ""}});
  ASSERT_EQ(ok.status, 303);
  auto after = h_.Client()->Get("/stadsdeel/schalkwijk");
  EXPECT_NE(after.body.find("Fatima El Amrani"), std::string::npos) << "the write ended the kept page";
  EXPECT_EQ(after.body.find("nog niet ingevuld"), std::string::npos);
}

// Names come from data files an operator imports; they must be escaped on
// every page that shows them (map titles, lists, headings, breadcrumbs).
TEST(GeographyXssTest, HostileNamesFromImportedFilesAreEscaped) {
  wp::testing::TempDir geo;
  const std::string hostile = "Oude <script>alert(1)</script> \"Stad' &amp;";
  auto source = wp::testing::GeoDir();
  for (const char* f : {"haarlem-stadsdelen.csv", "haarlem-wijken.csv", "haarlem-wijken.geojson", "haarlem-buurten.csv",
                        "haarlem-buurten.geojson"}) {
    std::ifstream in(source / f);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::string needle = "Oude Stad";
    std::string replacement = hostile;
    if (std::string(f).find(".csv") != std::string::npos) {
      // CSV: quote the field and double the quote inside it.
      replacement = "\"Oude <script>alert(1)</script> \"\"Stad' &amp;\"";
    } else {
      replacement = "Oude <script>alert(1)</script> \\\"Stad' &amp;";
    }
    for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + replacement.size())) {
      text.replace(p, needle.size(), replacement);
    }
    std::ofstream(geo.path() / f) << text;
  }
  AppHarness h([&](app::Config& c) { c.geo_dir = geo.path().string(); });
  auto c = h.Client();
  for (const char* path : {"/", "/stadsdeel/centrum", "/wijk/WK039201"}) {
    auto r = c->Get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;
    EXPECT_NE(r.body.find("Oude &lt;script&gt;alert(1)&lt;/script&gt; &quot;Stad&#39; &amp;amp;"), std::string::npos)
        << path;
  }
}

}  // namespace
}  // namespace wp::geography
