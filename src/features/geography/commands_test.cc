#include "features/geography/commands.h"

#include <gtest/gtest.h>

#include <fstream>

#include "features/geography/geography_db_fixture_test.h"

namespace wp::geography {
namespace {

class GeographyCommandsTest : public GeographyDbTest {
 protected:
  int64_t Count(const std::string& table) {
    auto row = db_->Read([&](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM " + table); });
    return row->Int(0);
  }

  auth::User admin_{1, "", "Beheer", "nl", {{auth::Role::kAdministrator, ""}}};
  auth::User liaison_{2, "", "Gebiedsverbinder", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}};
};

TEST_F(GeographyCommandsTest, ImportStoresTheFilesAndTheRowsAndLoadsThemAgain) {
  GeographyCommands commands(*db_, clock_);
  EXPECT_FALSE(commands.LoadStored()->has_value());
  auto imported = commands.Import(GeoDir(), "haarlem", false);
  ASSERT_TRUE(imported.has_value()) << imported.error().detail;
  EXPECT_EQ(imported->summary.municipality_name, "Haarlem");
  EXPECT_EQ(imported->summary.boroughs, 5);
  EXPECT_EQ(imported->summary.districts, 21);
  EXPECT_EQ(imported->summary.neighbourhoods, 111);
  EXPECT_GT(imported->summary.population, 150000);
  EXPECT_FALSE(imported->summary.replaced);
  EXPECT_EQ(imported->municipality.districts.size(), 21u);
  EXPECT_EQ(Count("geo_neighbourhoods"), 111);
  EXPECT_EQ(Count("geo_boroughs"), 5);
  auto stored = commands.LoadStored();
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->neighbourhoods.size(), 111u);
}

TEST_F(GeographyCommandsTest, ASecondImportNeedsReplace) {
  GeographyCommands commands(*db_, clock_);
  ASSERT_TRUE(commands.Import(GeoDir(), "haarlem", false).has_value());
  auto again = commands.Import(GeoDir(), "haarlem", false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().user_message_key, "geography.import.exists");
  // Another process (a new GeographyCommands) sees the stored import too.
  GeographyCommands other(*db_, clock_);
  EXPECT_FALSE(other.Import(GeoDir(), "haarlem", false).has_value());
  auto replaced = other.Import(GeoDir(), "haarlem", true);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_TRUE(replaced->summary.replaced);
  EXPECT_EQ(Count("geo_districts"), 21);
}

TEST_F(GeographyCommandsTest, BrokenFilesChangeNothingAndNameTheFile) {
  GeographyCommands commands(*db_, clock_);
  ASSERT_TRUE(commands.Import(GeoDir(), "haarlem", false).has_value());
  for (const char* f : {"wijken.csv", "wijken.geojson", "buurten.csv", "buurten.geojson", "stadsdelen.csv"}) {
    std::filesystem::copy_file(GeoDir() / (std::string("haarlem-") + f), dir_.path() / (std::string("x-") + f));
  }
  std::ofstream(dir_.path() / "x-buurten.csv", std::ios::app)
      << "BU03929999,Nergens,WK039299,Nowhere,GM0392,Centrum,2024\n";
  auto r = commands.Import(dir_.path(), "x", true);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("x-buurten.csv"), std::string::npos) << r.error().detail;
  EXPECT_EQ(Count("geo_neighbourhoods"), 111);
  EXPECT_EQ(commands.Import(dir_.path() / "nope", "x", true).error().code, ErrorCode::kNotFound);
}

// What a server does at start: import into an empty database, load what is
// stored otherwise (the folder is then not read at all).
TEST_F(GeographyCommandsTest, LoadOrImportImportsIntoAnEmptyDatabaseAndLoadsAStoredOne) {
  GeographyCommands first(*db_, clock_);
  auto nothing = first.LoadOrImport("", "haarlem");
  ASSERT_TRUE(nothing.has_value()) << nothing.error().detail;
  EXPECT_FALSE(nothing->has_value()) << "no folder and nothing stored";
  EXPECT_EQ(Count("geo_sources"), 0);

  auto imported = first.LoadOrImport(GeoDir(), "haarlem");
  ASSERT_TRUE(imported.has_value() && imported->has_value()) << imported.error().detail;
  ASSERT_TRUE((*imported)->imported.has_value());
  EXPECT_EQ((*imported)->imported->districts, 21);
  EXPECT_EQ((*imported)->municipality.districts.size(), 21u);

  GeographyCommands second(*db_, clock_);  // another server starting later
  auto loaded = second.LoadOrImport(dir_.path() / "bestaat-niet", "haarlem");
  ASSERT_TRUE(loaded.has_value() && loaded->has_value()) << loaded.error().detail;
  EXPECT_FALSE((*loaded)->imported.has_value()) << "loaded, not imported again";
  EXPECT_EQ((*loaded)->municipality.neighbourhoods.size(), 111u);
}

TEST_F(GeographyCommandsTest, SaveContactChecksTheActorTheStadsdeelAndTheFields) {
  GeographyCommands commands(*db_, clock_);
  ASSERT_TRUE(commands.Import(GeoDir(), "haarlem", false).has_value());
  BoroughContact contact{"  Fatima El Amrani ", "f.elamrani@haarlem.example", "", "Spreekuur dinsdag", 0};
  EXPECT_EQ(commands.SaveContact(liaison_, "noord", contact).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands.SaveContact(admin_, "atlantis", contact).error().code, ErrorCode::kNotFound);
  auto invalid = commands.SaveContact(liaison_, "schalkwijk", {"", "geen-email", "", "", 0});
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().fields.size(), 2u);
  EXPECT_FALSE(commands.Contact("schalkwijk")->has_value()) << "nothing stored";

  clock_.Set(1'800'000'000);
  ASSERT_TRUE(commands.SaveContact(liaison_, "schalkwijk", contact).has_value());
  auto stored = commands.Contact("schalkwijk");
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ((*stored)->contact_name, "Fatima El Amrani") << "trimmed";
  EXPECT_EQ((*stored)->updated_at, 1'800'000'000);
  contact.phone = "14 023";
  ASSERT_TRUE(commands.SaveContact(admin_, "schalkwijk", contact).has_value());
  EXPECT_EQ((*commands.Contact("schalkwijk"))->phone, "14 023") << "a second save replaces the first";
  EXPECT_FALSE(commands.Contact("noord")->has_value());
}

}  // namespace
}  // namespace wp::geography
