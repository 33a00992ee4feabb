#include "features/geography/service.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "features/geography/geography_db_fixture_test.h"
#include "features/geography/permissions.h"

namespace wp::geography {
namespace {

class GeographyServiceTest : public GeographyDbTest {};

TEST_F(GeographyServiceTest, AnImportBecomesCurrentAndIsLoadedAgainAtTheNextStart) {
  GeographyService service(*db_, clock_);
  EXPECT_FALSE(*service.LoadFromDatabase());
  EXPECT_TRUE(service.current()->districts.empty());
  auto s = service.ImportFolder(GeoDir(), "haarlem", false);
  ASSERT_TRUE(s.has_value()) << s.error().detail;
  EXPECT_EQ(s->districts, 21);
  EXPECT_EQ(service.current()->districts.size(), 21u);
  GeographyService again(*db_, clock_);
  ASSERT_TRUE(*again.LoadFromDatabase());
  EXPECT_EQ(again.current()->districts.size(), 21u);
}

TEST_F(GeographyServiceTest, AFailedImportKeepsTheCurrentMunicipalityAndAReplaceMakesANewOne) {
  GeographyService service(*db_, clock_);
  ASSERT_TRUE(service.ImportFolder(GeoDir(), "haarlem", false).has_value());
  auto before = service.current();
  EXPECT_EQ(service.ImportFolder(GeoDir(), "haarlem", false).error().code, ErrorCode::kConflict);
  EXPECT_EQ(service.current(), before);
  EXPECT_FALSE(service.ImportFolder(dir_.path(), "nope", true).has_value());
  EXPECT_EQ(service.current(), before);
  ASSERT_TRUE(service.ImportFolder(GeoDir(), "haarlem", true).has_value());
  EXPECT_NE(service.current(), before) << "pages notice the change by the new object";
  EXPECT_EQ(before->districts.size(), 21u) << "the old one stays valid for whoever holds it";
}

// Servers starting together on an empty database: one imports, the others
// load its import, and all have the municipality.
TEST_F(GeographyServiceTest, ServersStartingTogetherImportOnce) {
  std::vector<std::unique_ptr<GeographyService>> servers;
  for (int i = 0; i < 3; ++i) servers.push_back(std::make_unique<GeographyService>(*db_, clock_));
  std::vector<Result<std::optional<ImportSummary>>> results(servers.size(), std::optional<ImportSummary>());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < servers.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = servers[i]->LoadOrImport(GeoDir(), "haarlem"); });
  }
  for (auto& t : threads) t.join();
  int imports = 0;
  for (size_t i = 0; i < servers.size(); ++i) {
    ASSERT_TRUE(results[i].has_value()) << results[i].error().detail;
    if (results[i]->has_value()) ++imports;
    EXPECT_EQ(servers[i]->current()->districts.size(), 21u);
  }
  EXPECT_EQ(imports, 1);
}

// Other features add sections to the wijk page through this hook; they are
// rendered in registration order for the wijk and locale asked for.
TEST_F(GeographyServiceTest, DistrictSectionsRenderInOrderForTheWijkAndLocale) {
  GeographyService service(*db_, clock_);
  EXPECT_EQ(service.RenderDistrictSections("WK039201", "nl"), "");
  service.AddDistrictSection([](std::string_view code, std::string_view locale) {
    return "<p>" + std::string(code) + " " + std::string(locale) + "</p>";
  });
  service.AddDistrictSection([](std::string_view code, std::string_view) {
    return code == "WK039201" ? std::string("<p>tweede</p>") : std::string();
  });
  EXPECT_EQ(service.RenderDistrictSections("WK039201", "en"), "<p>WK039201 en</p><p>tweede</p>");
  EXPECT_EQ(service.RenderDistrictSections("WK039202", "nl"), "<p>WK039202 nl</p>");
}

TEST(GeographyPermissionsTest, RoleTable) {
  auth::User admin{1, "", "", "nl", {{auth::Role::kAdministrator, ""}}};
  auth::User gv{2, "", "", "nl", {{auth::Role::kAreaLiaison, "noord"}}};
  auth::User resident{3, "", "", "nl", {}};
  EXPECT_TRUE(Can(admin, GeoAction::kImport));
  EXPECT_FALSE(Can(gv, GeoAction::kImport));
  EXPECT_TRUE(Can(gv, GeoAction::kEditBoroughContact, "noord"));
  EXPECT_FALSE(Can(gv, GeoAction::kEditBoroughContact, "oost"));
  EXPECT_FALSE(Can(gv, GeoAction::kEditBoroughContact, ""));
  EXPECT_FALSE(Can(resident, GeoAction::kEditBoroughContact, "noord"));
  EXPECT_TRUE(Can(admin, GeoAction::kEditBoroughContact, "oost"));
}

}  // namespace
}  // namespace wp::geography
