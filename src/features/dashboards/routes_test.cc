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
      WP_TRY_VOID(testing::AddAdvice(c, p, 10, q_[2] + 86400, q_[2] + 2 * 86400));
      return SeedMore(c, p);
    });
    ASSERT_TRUE(seeded.has_value()) << seeded.error().detail;
    client_ = h_.Client();
  }

  // Budget rounds, plan submitters, promises, a forum and a survey in 2025.
  Result<void> SeedMore(db::Connection& c, int64_t platform) {
    constexpr int64_t kDay = 86400;
    // Q2: 300 codes, 123 ballots; Q3: 150 codes, 7 ballots (too few to show).
    WP_ASSIGN_OR_RETURN(int64_t round,
                        testing::AddRound(c, "schalkwijk-2025", "schalkwijk", q_[1] + 30 * kDay, 300, 123));
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t small,
                        testing::AddRound(c, "centrum-2025", "centrum", q_[2] + 10 * kDay, 150, 7));
    WP_TRY_VOID(testing::AddPlans(c, round, "BU03920101", 12, q_[0] + kDay, 100));  // Q1: 12 submitters
    WP_TRY_VOID(testing::AddPlans(c, round, "BU03920102", 2, q_[0] + kDay, 200));   // Q1: 2, hidden
    // Q3: 11 promises kept on time and 3 kept late; 12 open since their date in Q2.
    WP_TRY_VOID(testing::AddPromises(c, platform, 11, q_[1] + kDay, q_[3] - kDay, q_[2] + kDay));
    WP_TRY_VOID(testing::AddPromises(c, platform, 3, q_[0] + kDay, q_[0] + 20 * kDay, q_[2] + 5 * kDay));
    WP_TRY_VOID(testing::AddPromises(c, platform, 12, q_[0] + kDay, q_[1] + 10 * kDay, 0));
    WP_TRY_VOID(testing::AddForum(c, "forum-oude-stad", "WK039201", 23, q_[1] + kDay));  // Q2: 23 volunteers, drawn
    return testing::AddSurvey(c, "WK039201", 14, q_[2] + kDay);                          // Q3: 14 respondents
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
  EXPECT_TRUE(Has(r, "10 tot 19"));  // 17 signals in Centrum in Q1
  EXPECT_TRUE(Has(r, "20 tot 29"));  // 25 members
  EXPECT_TRUE(Has(r, "Heel het jaar"));
  EXPECT_TRUE(Has(r, "/cijfers/stadsdeel/centrum"));
  EXPECT_TRUE(Has(r, "Inwoners"));
  EXPECT_TRUE(Has(r, "name=\"jaar\""));  // the year form, a plain GET
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
  EXPECT_TRUE(Has(w, "minder dan 10"));   // the 3 signals of Binnenstad
  EXPECT_TRUE(Has(w, "niet per buurt"));  // members count per wijk
  EXPECT_TRUE(Has(w, "Groen"));           // the topics table
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

TEST_F(DashboardRoutesTest, OutcomesShowBudgetRoundsPromisesAndForums) {
  auto r = client_->Get("/cijfers/uitkomsten?jaar=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Has(r, "Wijkbudgetten: stemmen en geld"));
  EXPECT_TRUE(Has(r, "Ronde schalkwijk-2025"));
  EXPECT_TRUE(Has(r, "300 tot 309"));        // codes
  EXPECT_TRUE(Has(r, "120 tot 129"));        // ballots
  EXPECT_TRUE(Has(r, "38 tot 43 procent"));  // from the bands: 120/309 to 129/300
  EXPECT_TRUE(Has(r, "Ronde centrum-2025"));
  EXPECT_TRUE(Has(r, "niet te tonen"));  // 7 ballots: no turnout either
  EXPECT_FALSE(Has(r, "4 tot 5 procent"));
  EXPECT_TRUE(Has(r, "100.000"));  // the budget
  EXPECT_TRUE(Has(r, "50.000"));   // to the two chosen plans
  EXPECT_TRUE(Has(r, "Beloften die de gemeente nakwam"));
  EXPECT_TRUE(Has(r, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">11</td>") ||
              Has(r, ">11<"));  // 11 kept on time in Q3
  EXPECT_TRUE(Has(r, "Beloften over de datum"));
  EXPECT_TRUE(Has(r, "10 tot 19"));  // 15 open past their date
  EXPECT_TRUE(Has(r, "Forums met een loting"));
  EXPECT_FALSE(Has(r, "<script"));
}

TEST_F(DashboardRoutesTest, ReachShowsPlanSubmittersVolunteersAndRespondents) {
  auto r = client_->Get("/cijfers/wijk/oude-stad?jaar=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Has(r, "Indieners van plannen"));
  EXPECT_TRUE(Has(r, "Vrijwilligers voor een forum"));
  EXPECT_TRUE(Has(r, "Deelnemers aan peilingen"));
  auto csv = client_->Get("/cijfers/open-data/bereik/csv?jaar=2025");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Has(csv, "2025-K1,buurt,BU03920101,Stationsbuurt,plan_submitters,10,19,nee")) << csv.body;
  EXPECT_TRUE(Has(csv, "2025-K1,buurt,BU03920102,Binnenstad,plan_submitters,,,ja"));  // 2: hidden
  EXPECT_TRUE(Has(csv, "2025-K2,wijk,WK039201,Oude Stad,volunteers,20,29,nee"));
  EXPECT_TRUE(Has(csv, "2025-K3,wijk,WK039201,Oude Stad,respondents,10,19,nee"));
  EXPECT_TRUE(Has(csv, "2025,gemeente,GM0392,Haarlem,respondents,10,19,nee"));
}

TEST_F(DashboardRoutesTest, TurnoutPerBuurtWhenTheAddressListNamedTheBuurt) {
  // The Schalkwijk round: letters 1-200 in Romolenpolder-oost (5 revoked, 123 voted), 201-300 in
  // Kruidenbuurt (nobody voted), 301-305 without a buurt.
  auto tagged = h_.app().db().Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(c.Execute("UPDATE codes_codes SET buurt_code = 'BU03921901' WHERE letter_number <= 200 AND "
                          "edition_id = (SELECT id FROM budget_editions WHERE slug = 'schalkwijk-2025')"));
    WP_TRY_VOID(c.Execute("UPDATE codes_codes SET buurt_code = 'BU03921802' WHERE letter_number BETWEEN 201 AND 300 "
                          "AND edition_id = (SELECT id FROM budget_editions WHERE slug = 'schalkwijk-2025')"));
    return Ok();
  });
  ASSERT_TRUE(tagged.has_value());
  auto wijk = client_->Get("/cijfers/wijk/boerhaavewijk?jaar=2025");
  ASSERT_EQ(wijk.status, 200);
  EXPECT_TRUE(Has(wijk, "Opkomst bij Wijk aan Zet"));
  EXPECT_TRUE(Has(wijk, "Opkomst bij Ronde schalkwijk-2025 in Boerhaavewijk"));
  EXPECT_TRUE(Has(wijk, "190 tot 199")) << "the buurt's codes";
  EXPECT_TRUE(Has(wijk, "120 tot 129")) << "its voters";
  EXPECT_TRUE(Has(wijk, "Stemmers bij Wijk aan Zet"));
  // A wijk the round did not reach, and the centrum round whose codes have no buurt: no turnout table.
  EXPECT_FALSE(Has(client_->Get("/cijfers/wijk/oude-stad?jaar=2025"), "Opkomst bij Ronde"));

  auto csv = client_->Get("/cijfers/open-data/opkomst/csv?jaar=2025");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Has(csv, "2025-K2,Ronde schalkwijk-2025,buurt,BU03921901,Romolenpolder-oost,190,199,nee,120,129,nee,"))
      << csv.body;
  EXPECT_TRUE(Has(csv, "2025-K2,Ronde schalkwijk-2025,buurt,BU03921802,Kruidenbuurt,100,109,nee,0,0,nee,0,"));
  EXPECT_FALSE(Has(csv, "centrum-2025"));
  auto reach = client_->Get("/cijfers/open-data/bereik/csv?jaar=2025");
  EXPECT_TRUE(Has(reach, "2025-K2,buurt,BU03921901,Romolenpolder-oost,voters,120,129,nee")) << reach.body;
}

TEST_F(DashboardRoutesTest, OpenDataOfRoundsAndActivity) {
  auto rounds = client_->Get("/cijfers/open-data/begrotingsrondes/csv?jaar=2025");
  ASSERT_EQ(rounds.status, 200);
  EXPECT_TRUE(Has(rounds, "2025-K2,Ronde schalkwijk-2025,schalkwijk,300,309,nee,120,129,nee,38,43,ja,100000,50000,2"))
      << rounds.body;
  EXPECT_TRUE(Has(rounds, "2025-K3,Ronde centrum-2025,centrum,150,159,nee,,,ja,,,ja,100000,50000,2"));
  auto activity = client_->Get("/cijfers/open-data/activiteit/csv?jaar=2025");
  ASSERT_EQ(activity.status, 200);
  EXPECT_TRUE(Has(activity, "2025-K1,beloften_te_laat_open,,,ja")) << activity.body;  // 3
  EXPECT_TRUE(Has(activity, "2025-K2,beloften_te_laat_open,10,19,nee"));              // 15
  EXPECT_TRUE(Has(activity, "2025-K2,forums_geloot,1,1,nee"));
  auto outcomes = client_->Get("/cijfers/open-data/uitkomsten/csv?jaar=2025");
  EXPECT_TRUE(Has(outcomes, "2025-K3,beloften_nagekomen,")) << outcomes.body;
  EXPECT_FALSE(Has(outcomes, "beloften_nagekomen,11,3,14"));  // the 3 late ones stay hidden
  auto cat = client_->Get("/cijfers/open-data/catalogus.jsonld");
  EXPECT_TRUE(Has(cat, "/cijfers/open-data/begrotingsrondes/csv?jaar=2025"));
  auto report = client_->Get("/cijfers/rapport?van=2025&tot=2025");
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(Has(report, "Rondes van Wijk aan Zet in 2025"));
  EXPECT_TRUE(Has(report, "38 tot 43 procent"));
  EXPECT_TRUE(Has(report, "Wie deed nog meer mee in 2025"));
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
