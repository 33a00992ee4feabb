// HTTP tests of the dashboards without JavaScript, on SQLite and PostgreSQL:
// the city, stadsdeel and wijk pages with charts and the same numbers in
// tables, the outcomes page, the year form, and bad input (unknown area or
// year) answered with 404.
#include <gtest/gtest.h>

#include "core/time/time_zone.h"
#include "features/dashboards/activity_fixture_test.h"
#include "features/dashboards/periods.h"
#include "testing/app_harness.h"

namespace wp::dashboards {
namespace {

using wp::testing::AppHarness;

bool Has(const wp::testing::HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class DashboardRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto zone = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
    q_ = QuarterBounds(zone, 2025);
    h_.clock().Set(q_[4] + 86400 * 40);  // February 2026
    auto seeded = h_.app().db().Write([&](db::Connection& c) -> Result<void> {
      WP_ASSIGN_OR_RETURN(int64_t green, testing::AddTheme(c, "groen", "Groen"));
      WP_TRY_VOID(testing::AddSignals(c, green, "BU03920101", 14, q_[0] + 86400, 3600));
      WP_TRY_VOID(testing::AddSignals(c, green, "BU03920102", 3, q_[0] + 86400, 9 * 86400));
      WP_ASSIGN_OR_RETURN(int64_t p, testing::AddPlatform(c, "dash-oude-stad", "BU03920101"));
      WP_TRY_VOID(testing::AddMembers(c, p, 25, q_[0] + 86400, 1));
      WP_TRY_VOID(testing::AddEvent(c, p, q_[1] + 86400, 12));
      WP_TRY_VOID(testing::AddInitiatives(c, "BU03920101", 11, q_[0] + 86400, 20 * 86400));
      return testing::AddAdvice(c, p, 10, q_[2] + 86400, q_[2] + 2 * 86400);
    });
    ASSERT_TRUE(seeded.has_value()) << seeded.error().detail;
    client_ = h_.Client();
  }

  AppHarness h_;
  std::vector<int64_t> q_;
  std::unique_ptr<wp::testing::HttpClient> client_;
};

TEST_F(DashboardRoutesTest, CityPageShowsChartsTablesAndHidesSmallGroups) {
  auto r = client_->Get("/cijfers");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Has(r, "Cijfers van Haarlem"));
  EXPECT_TRUE(Has(r, "<svg"));
  EXPECT_TRUE(Has(r, "role=\"img\""));
  EXPECT_TRUE(Has(r, "<table"));
  EXPECT_TRUE(Has(r, "10 tot 19"));           // 17 signals in Centrum in Q1
  EXPECT_TRUE(Has(r, "20 tot 29"));           // 25 members
  EXPECT_TRUE(Has(r, "Heel het jaar"));
  EXPECT_TRUE(Has(r, "/cijfers/stadsdeel/centrum"));
  EXPECT_TRUE(Has(r, "Inwoners"));
  EXPECT_TRUE(Has(r, "name=\"jaar\""));       // the year form, a plain GET
  EXPECT_FALSE(Has(r, "<script"));
}

TEST_F(DashboardRoutesTest, StadsdeelAndWijkPages) {
  auto b = client_->Get("/cijfers/stadsdeel/centrum?jaar=2025");
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_TRUE(Has(b, "Cijfers van Centrum"));
  EXPECT_TRUE(Has(b, "/cijfers/wijk/oude-stad"));
  auto w = client_->Get("/cijfers/wijk/oude-stad?jaar=2025");
  ASSERT_EQ(w.status, 200) << w.body;
  EXPECT_TRUE(Has(w, "Stationsbuurt"));
  EXPECT_TRUE(Has(w, "minder dan 10"));       // the 3 signals of Binnenstad
  EXPECT_TRUE(Has(w, "niet per buurt"));      // members count per wijk
  EXPECT_TRUE(Has(w, "Groen"));               // the topics table
  auto en = h_.Client();
  en->Get("/taal/en?next=/cijfers");
  auto e = en->Get("/cijfers/wijk/oude-stad?jaar=2025");
  EXPECT_TRUE(Has(e, "fewer than 10"));
}

TEST_F(DashboardRoutesTest, OutcomesPage) {
  auto r = client_->Get("/cijfers/uitkomsten?jaar=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Has(r, "Op tijd"));
  EXPECT_TRUE(Has(r, "Te laat"));
  EXPECT_TRUE(Has(r, "<table"));
}

TEST_F(DashboardRoutesTest, ThisYearBeforeItsFirstQuarterEnds) {
  auto r = client_->Get("/cijfers?jaar=2026");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "nog geen kwartaal voorbij"));
}

TEST_F(DashboardRoutesTest, EvaluationReportAsPageAndReproduciblePdf) {
  auto r = client_->Get("/cijfers/rapport?van=2024&tot=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Has(r, "Evaluatie van de wijkplatforms in Haarlem, 2024 tot en met 2025"));
  EXPECT_TRUE(Has(r, "Het jaar 2025"));
  EXPECT_TRUE(Has(r, "/cijfers/rapport/pdf?van=2024&amp;tot=2025"));
  auto a = client_->Get("/cijfers/rapport/pdf?van=2024&tot=2025");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(a.body.rfind("%PDF", 0), 0u);
  h_.clock().Set(h_.clock().NowUnixSeconds() + 3600);  // later, same data: the same bytes
  EXPECT_EQ(client_->Get("/cijfers/rapport/pdf?van=2024&tot=2025").body, a.body);
  EXPECT_EQ(client_->Get("/cijfers/rapport?van=2025&tot=2024").status, 404);
  EXPECT_EQ(client_->Get("/cijfers/rapport?van=2020&tot=2025").status, 404);
}

TEST_F(DashboardRoutesTest, OpenDataCsvXlsxAndCatalogue) {
  auto page = client_->Get("/cijfers/open-data?jaar=2025");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page, "/cijfers/open-data/bereik/csv?jaar=2025"));
  auto csv = client_->Get("/cijfers/open-data/bereik/csv?jaar=2025");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Has(csv, "2025-K1,buurt,BU03920102,Binnenstad,signals,,,ja"));  // 3: hidden
  EXPECT_FALSE(Has(csv, "@example.nl"));
  auto xlsx = client_->Get("/cijfers/open-data/uitkomsten/xlsx?jaar=2025");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  EXPECT_EQ(client_->Get("/cijfers/open-data/personen/csv").status, 404);
  EXPECT_EQ(client_->Get("/cijfers/open-data/bereik/pdf").status, 404);
  auto cat = client_->Get("/cijfers/open-data/catalogus.jsonld");
  ASSERT_EQ(cat.status, 200);
  EXPECT_TRUE(Has(cat, "dcat:Catalog"));
  EXPECT_TRUE(Has(cat, "publicdomain/zero/1.0"));
}

TEST_F(DashboardRoutesTest, BadInputGives404) {
  EXPECT_EQ(client_->Get("/cijfers/wijk/bestaat-niet").status, 404);
  EXPECT_EQ(client_->Get("/cijfers/stadsdeel/bestaat-niet").status, 404);
  EXPECT_EQ(client_->Get("/cijfers?jaar=abc").status, 404);
  EXPECT_EQ(client_->Get("/cijfers?jaar=2099").status, 404);
  EXPECT_EQ(client_->Get("/cijfers/uitkomsten?jaar=1999").status, 404);
}

}  // namespace
}  // namespace wp::dashboards
