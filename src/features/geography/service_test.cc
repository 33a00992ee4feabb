#include "features/geography/service.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/db/migrations.h"
#include "features/geography/permissions.h"
#include "testing/temp_dir.h"
#include "wp_geography_files.h"

namespace wp::geography {
namespace {

class GeographyServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::move(*db::Open("sqlite:" + dir_.File("g.db")));
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("geography", GeographyFiles())).has_value());
  }
  std::filesystem::path GeoDir() { return wp::testing::GeoDir(); }
  wp::testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
  FakeClock clock_;
};

TEST_F(GeographyServiceTest, ImportsStoresAndReloads) {
  GeographyService service(*db_, clock_);
  EXPECT_FALSE(*service.LoadFromDatabase());
  auto s = service.ImportFolder(GeoDir(), "haarlem", false);
  ASSERT_TRUE(s.has_value()) << s.error().detail;
  EXPECT_EQ(s->boroughs, 5);
  EXPECT_EQ(s->districts, 21);
  EXPECT_EQ(s->neighbourhoods, 111);
  auto rows = db_->Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM geo_neighbourhoods"); });
  EXPECT_EQ(rows->Int(0), 111);
  GeographyService again(*db_, clock_);
  ASSERT_TRUE(*again.LoadFromDatabase());
  EXPECT_EQ(again.current()->districts.size(), 21u);
}

TEST_F(GeographyServiceTest, SecondImportNeedsReplace) {
  GeographyService service(*db_, clock_);
  ASSERT_TRUE(service.ImportFolder(GeoDir(), "haarlem", false).has_value());
  auto again = service.ImportFolder(GeoDir(), "haarlem", false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto replaced = service.ImportFolder(GeoDir(), "haarlem", true);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_TRUE(replaced->replaced);
}

TEST_F(GeographyServiceTest, BrokenFilesChangeNothingAndNameTheFile) {
  GeographyService service(*db_, clock_);
  ASSERT_TRUE(service.ImportFolder(GeoDir(), "haarlem", false).has_value());
  for (const char* f : {"wijken.csv", "wijken.geojson", "buurten.csv", "buurten.geojson", "stadsdelen.csv"}) {
    std::filesystem::copy_file(GeoDir() / (std::string("haarlem-") + f), dir_.path() / (std::string("x-") + f));
  }
  std::ofstream(dir_.path() / "x-buurten.csv", std::ios::app) << "BU03929999,Nergens,WK039299,Nowhere,GM0392,Centrum,2024\n";
  auto r = service.ImportFolder(dir_.path(), "x", true);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("x-buurten.csv"), std::string::npos) << r.error().detail;
  EXPECT_EQ(service.current()->neighbourhoods.size(), 111u);
  auto missing = service.ImportFolder(dir_.path() / "nope", "x", true);
  ASSERT_FALSE(missing.has_value());
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
