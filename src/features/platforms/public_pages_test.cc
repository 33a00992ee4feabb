// Unit tests of the public platform pages, handlers called directly.
#include "features/platforms/public_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class PublicPagesTest : public PlatformPagesTest {
 protected:
  PublicPages pages_{h_.web(), commands_, world_.directory(), zone_};
};

TEST_F(PublicPagesTest, TheOverviewShowsAnEmptyStateThenThePlatformPerWijk) {
  auto empty = h_.Get(Handler(pages_, &PublicPages::Overview), "/wijkplatforms");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(Has(empty.body, "Boerhaavewijk")) << "every wijk is listed";
  EXPECT_TRUE(Has(empty.body, "<caption")) << "the wijken are tables with a caption";
  EXPECT_TRUE(Has(empty.body, "href=\"/wijkplatforms/aanmelden\""));
  RegisterBoerhaave();
  auto listed = h_.Get(Handler(pages_, &PublicPages::Overview), "/wijkplatforms");
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(Has(listed.body, "href=\"/wijkplatform/wijkplatform-boerhaavewijk\"")) << listed.body;
}

TEST_F(PublicPagesTest, APlatformPageShowsTheSectionsOtherFeaturesAdd) {
  Platform p = RegisterBoerhaave();
  world_.directory().AddPageSection([](const Platform& shown, const auth::User* viewer, std::string_view locale) {
    return "<section id=\"extra\">" + shown.slug + " " + std::string(locale) + " " +
           (viewer ? viewer->display_name : "-") + "</section>";
  });
  auto page = h_.Get(Handler(pages_, &PublicPages::Show), "/wijkplatform/" + p.slug, {{"slug", p.slug}});
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "<section id=\"extra\">" + p.slug + " nl Anna</section>"))
      << "unescaped, for this platform and viewer";
}

TEST_F(PublicPagesTest, APlatformPageShowsTheKernteamAndOffersJoiningToVisitorsAfterSignIn) {
  Platform p = RegisterBoerhaave();
  h_.SignInAs(std::nullopt);
  auto page = h_.Get(Handler(pages_, &PublicPages::Show), "/wijkplatform/" + p.slug, {{"slug", p.slug}});
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Wijkplatform Boerhaavewijk"));
  EXPECT_TRUE(Has(page.body, "Anna")) << "the kernteam is named";
  EXPECT_TRUE(Has(page.body, "/inloggen?next=/wijkplatform/" + p.slug));
  EXPECT_FALSE(Has(page.body, "/beheer\"")) << "a visitor gets no management link";
}

TEST_F(PublicPagesTest, TheKernteamSeesTheirManagementLinks) {
  Platform p = RegisterBoerhaave();
  auto page = h_.Get(Handler(pages_, &PublicPages::Show), "/wijkplatform/" + p.slug, {{"slug", p.slug}});
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "href=\"/wijkplatform/" + p.slug + "/beheer\"")) << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/wijkplatform/" + p.slug + "/subsidie\""));
}

TEST_F(PublicPagesTest, AnUnknownPlatformIs404) {
  EXPECT_EQ(h_.Get(Handler(pages_, &PublicPages::Show), "/wijkplatform/nergens", {{"slug", "nergens"}}).status, 404);
}

TEST_F(PublicPagesTest, TheWijkSectionNamesTheActivePlatformOrHowToStartOne) {
  std::string none = pages_.DistrictSection("WK039219", "nl");
  EXPECT_TRUE(Has(none, "/wijkplatforms/aanmelden")) << none;
  RegisterBoerhaave();
  std::string one = pages_.DistrictSection("WK039219", "nl");
  EXPECT_TRUE(Has(one, "/wijkplatform/wijkplatform-boerhaavewijk")) << one;
}

}  // namespace
}  // namespace wp::platforms
