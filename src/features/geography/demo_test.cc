#include "features/geography/demo.h"

#include <gtest/gtest.h>

#include "features/geography/geography_db_fixture_test.h"

namespace wp::geography {
namespace {

class GeographyDemoTest : public GeographyDbTest {};

TEST_F(GeographyDemoTest, EveryStadsdeelGetsAContactOnceAndAPublishedOneIsKept) {
  GeographyService service(*db_, clock_);
  web::DemoSeed seed;
  seed.clock = &clock_;
  ASSERT_TRUE(LoadGeographyDemo(seed, service).has_value()) << "no geography: nothing to do";
  ASSERT_TRUE(service.ImportFolder(GeoDir(), "haarlem", false).has_value());
  auth::User admin{1, "", "Beheer", "nl", {{auth::Role::kAdministrator, ""}}};
  ASSERT_TRUE(
      service.commands().SaveContact(admin, "noord", {"Echte Persoon", "echt@haarlem.example", "", "", 0}).has_value());

  ASSERT_TRUE(LoadGeographyDemo(seed, service).has_value());
  ASSERT_TRUE(LoadGeographyDemo(seed, service).has_value()) << "idempotent";
  for (const auto& b : service.current()->boroughs) {
    auto contact = service.commands().Contact(b.slug);
    ASSERT_TRUE(contact.has_value() && contact->has_value()) << b.slug;
    if (b.slug == "noord") {
      EXPECT_EQ((*contact)->contact_name, "Echte Persoon") << "a published contact is kept";
    } else {
      EXPECT_EQ((*contact)->email, "gebiedsverbinder." + b.slug + "@demo.wijkplatform.invalid");
    }
  }
}

}  // namespace
}  // namespace wp::geography
