// The evaluation report and the open data from fixed figures: the same data
// gives the same bytes (HTML blocks, PDF, CSV, XLSX), hidden counts stay
// hidden, and the DCAT-AP-NL catalogue lists every dataset with its licence,
// distributions and publisher.
#include "features/dashboards/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "features/dashboards/open_data.h"
#include "features/initiatives/world_test.h"
#include "wp_dashboards_files.h"

namespace wp::dashboards {
namespace {

std::shared_ptr<const YearFigures> Figures(int year) {
  auto m = initiatives::Haarlem().current();
  YearFigures f;
  f.year = year;
  f.quarters = 4;
  f.year_ended = true;
  AreaCounts city;
  city.key = std::string(kCityKey);
  for (const auto& b : m->boroughs) {
    AreaCounts a;
    a.key = BoroughKey(b.slug);
    a.values = {b.slug == "centrum" ? 3 : 25, 12, 0, 40};
    city.children.push_back(a);
  }
  for (std::string_view measure : kMeasures) f.reach[std::string(measure)] = CoarsenTree(city);
  f.themes = {{"groen", "Groen", "Green"}};
  f.topics["groen"] = CoarsenTree(city);
  f.signals_handled.cells = {{14, 3}, {20, 0}, {0, 0}, {30, 12}};
  f.signals_handled.row_totals = {17, 20, 0, 42};
  f.signals_handled.column_totals = {64, 15};
  f.signals_handled.grand_total = 79;
  f.signals_handled.cells[0] = {std::nullopt, std::nullopt};
  f.advice_answered = f.signals_handled;
  f.initiative_checks = f.signals_handled;
  return std::make_shared<const YearFigures>(std::move(f));
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(catalog_.AddFiles(DashboardsFiles()).has_value()); }
  Report Make() {
    return BuildReport(catalog_, "nl", {Figures(2024), Figures(2025)}, *initiatives::Haarlem().current());
  }
  i18n::Catalog catalog_;
};

TEST_F(ReportTest, PlainDutchWithTheFiguresOfEachYear) {
  Report r = Make();
  EXPECT_EQ(r.title, "Evaluatie van de wijkplatforms in Haarlem, 2024 tot en met 2025");
  std::string all;
  for (const auto& b : r.blocks) {
    all += b.text + "\n" + b.table.caption + "\n";
    for (const auto& row : b.table.rows) {
      for (const auto& c : row) all += c + "|";
    }
  }
  EXPECT_NE(all.find("Het jaar 2024"), std::string::npos);
  EXPECT_NE(all.find("Het jaar 2025"), std::string::npos);
  EXPECT_NE(all.find("minder dan 10"), std::string::npos);  // Centrum's 3 in Q1, and the hidden outcome cells
  EXPECT_NE(all.find("Groen"), std::string::npos);
  EXPECT_EQ(all.find("|3|"), std::string::npos);
}

TEST_F(ReportTest, SameDataGivesTheSamePdf) {
  auto a = DrawReportPdf(Make(), 1767222000);
  auto b = DrawReportPdf(Make(), 1767222000);
  ASSERT_TRUE(a.has_value()) << a.error().detail;
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->rfind("%PDF", 0), 0u);
  EXPECT_EQ(*a, *b);
  EXPECT_NE(a->find("/CreationDate (20251231230000Z)"), std::string::npos);  // the date given, not today's
  auto other = DrawReportPdf(Make(), 1767222000 + 86400);
  EXPECT_NE(*a, *other);
}

TEST_F(ReportTest, OpenDataAsCsvAndXlsx) {
  auto f = Figures(2025);
  auto m = initiatives::Haarlem().current();
  auto reach = BuildDataset("bereik", *f, *m);
  ASSERT_TRUE(reach.has_value());
  std::string csv = ToCsv(*reach);
  EXPECT_EQ(csv.rfind("periode,gebiedsniveau,gebiedscode,gebiedsnaam,maat,aantal_van,aantal_tot,minder_dan_10\r\n", 0),
            0u);
  EXPECT_NE(csv.find("2025-K1,stadsdeel,centrum,Centrum,members,,,ja\r\n"), std::string::npos);
  EXPECT_NE(csv.find("2025-K2,stadsdeel,centrum,Centrum,members,10,19,nee\r\n"), std::string::npos);
  EXPECT_FALSE(BuildDataset("personen", *f, *m).has_value());
  auto x1 = ToXlsx(*reach, 1767222000), x2 = ToXlsx(*reach, 1767222000);
  ASSERT_TRUE(x1.has_value()) << x1.error().detail;
  EXPECT_EQ(x1->rfind("PK", 0), 0u);
  EXPECT_EQ(*x1, *x2);
  auto outcomes = BuildDataset("uitkomsten", *f, *m);
  EXPECT_NE(ToCsv(*outcomes).find("2025-K1,meldingen,,,17\r\n"), std::string::npos);
}

TEST_F(ReportTest, DcatCatalogueListsDatasetsWithLicenceAndPublisher) {
  CatalogueInfo info{
      "https://wijk.example.nl", "Haarlem", "GM0392", "http://creativecommons.org/licenses/by/4.0/", {2025, 2024}};
  auto j = nlohmann::json::parse(DcatCatalogue(info));
  EXPECT_EQ(j["@type"], "dcat:Catalog");
  EXPECT_EQ(j["dct:publisher"]["@id"], "https://identifier.overheid.nl/tooi/id/gemeente/gm0392");
  ASSERT_EQ(j["dcat:dataset"].size(), 12u);  // six datasets, two years
  const auto& d = j["dcat:dataset"][0];
  EXPECT_EQ(d["dct:identifier"], "bereik-2025");
  ASSERT_EQ(d["dcat:distribution"].size(), 2u);
  EXPECT_EQ(d["dcat:distribution"][0]["dct:license"]["@id"], "http://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(d["dcat:distribution"][1]["dcat:downloadURL"]["@id"],
            "https://wijk.example.nl/cijfers/open-data/bereik/xlsx?jaar=2025");
}

}  // namespace
}  // namespace wp::dashboards
