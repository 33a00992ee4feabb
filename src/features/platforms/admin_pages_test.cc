// Unit tests of the municipality's overview of platforms, handlers called
// directly.
#include "features/platforms/admin_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class AdminPagesTest : public PlatformPagesTest {
 protected:
  AdminPages pages_{h_.web(), commands_};
};

TEST_F(AdminPagesTest, TheMunicipalityOverviewIsForOfficialsOnly) {
  h_.SignInAs(anna_);
  EXPECT_EQ(h_.Get(Handler(pages_, &AdminPages::Overview), "/beheer/wijkplatforms").status, 403);
  h_.SignInAs(AddUser("gv@example.nl", "Gea", {{auth::Role::kAreaLiaison, "schalkwijk"}}));
  auto empty = h_.Get(Handler(pages_, &AdminPages::Overview), "/beheer/wijkplatforms");
  ASSERT_EQ(empty.status, 200);
  EXPECT_FALSE(Has(empty.body, "<table"));
}

TEST_F(AdminPagesTest, ThePlatformsAreATableWithStatusAndSubsidy) {
  Platform p = RegisterBoerhaave();
  h_.SignInAs(AddUser("beheer@example.nl", "Beheer", {{auth::Role::kAdministrator, ""}}));
  auto page = h_.Get(Handler(pages_, &AdminPages::Overview), "/beheer/wijkplatforms");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "<caption")) << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/wijkplatform/" + p.slug + "/status\""));
  EXPECT_TRUE(Has(page.body, "href=\"/wijkplatform/" + p.slug + "/subsidie\""));
}

}  // namespace
}  // namespace wp::platforms
