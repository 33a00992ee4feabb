#include "features/signals/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace wp::signals {
namespace {

Signal Example() {
  Signal s;
  s.id = 42;
  s.category_id = 3;
  s.department_slug = "wegen";
  s.status = SignalStatus::kDone;
  s.description = "Tegel, \"los\"\nbij de deur";
  s.share_publicly = true;
  s.lat = 52.3812;
  s.lon = 4.6365;
  s.street = "=HYPERLINK(\"x\")";
  s.created_at = 1767870000;  // 2026-01-08T11:00:00Z
  s.updated_at = 1767870060;
  s.deadline_at = 1768172400;
  s.closed_at = 1767956400;
  s.source = "web";
  s.assigned_name = "Medewerker";
  return s;
}

std::vector<Category> Categories() {
  Category c;
  c.id = 3;
  c.slug = "losse-tegel";
  c.name = "Losse tegel";
  return {c};
}

TEST(ExportTest, RowsFollowTheColumnsAndLeaveOutWhatIsNotPublic) {
  Signal hidden = Example();
  hidden.share_publicly = false;
  auto rows = ExportRows({Example(), hidden}, Categories());
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), ExportColumns().size());
  EXPECT_EQ(rows[0][0], "M-42");
  EXPECT_EQ(rows[0][1], "losse-tegel");
  EXPECT_EQ(rows[0][4], "done");
  EXPECT_EQ(rows[0][5], "false");
  EXPECT_EQ(rows[0][6], "2026-01-08T11:00:00Z");
  EXPECT_EQ(rows[1][16], "") << "a description the reporter kept private";
  for (const auto& row : rows) {
    for (const auto& v : row) EXPECT_EQ(v.find("Medewerker"), std::string::npos) << "no handler's name";
  }
}

TEST(ExportTest, CsvQuotesFieldsAndDisarmsFormulas) {
  std::string csv = ExportCsv(ExportRows({Example()}, Categories()));
  EXPECT_EQ(csv.rfind("number,category,", 0), 0u);
  EXPECT_NE(csv.find("\"Tegel, \"\"los\"\"\nbij de deur\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nM-42,"), std::string::npos);
}

TEST(ExportTest, JsonHasTypedValuesAndNullForEmpty) {
  Signal open = Example();
  open.status = SignalStatus::kInProgress;
  open.closed_at.reset();
  auto doc = nlohmann::json::parse(ExportJson(ExportRows({open}, Categories()), 1767225600, 1769904000));
  EXPECT_EQ(doc["from"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(doc["count"], 1);
  const auto& s = doc["signals"][0];
  EXPECT_EQ(s["open"], true);
  EXPECT_TRUE(s["closed"].is_null());
  EXPECT_DOUBLE_EQ(s["lat"].get<double>(), 52.3812);
  EXPECT_EQ(s["description"], "Tegel, \"los\"\nbij de deur");
  EXPECT_TRUE(s["platform_id"].is_null());
}

}  // namespace
}  // namespace wp::signals
