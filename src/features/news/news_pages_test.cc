// Unit tests of the public news pages and the newsletter archive, handlers
// called directly.
#include "features/news/news_pages.h"

#include "features/news/page_world_test.h"

namespace wp::news {
namespace {

class NewsPagesTest : public NewsPagesTestBase {
 protected:
  NewsPages pages_{h_.web(), commands_, zone_};
};

TEST_F(NewsPagesTest, TheListShowsAnEmptyStateThenPublishedPostsOnly) {
  h_.SignInAs(std::nullopt);
  auto empty = h_.Get(Handler(pages_, &NewsPages::List), "/x", Slug());
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(Has(empty.body, "href=\"/wijkplatform/" + platform_.slug + "/nieuws.atom\""));
  ASSERT_TRUE(commands_.CreatePost(anna_, platform_, "Concept", "Nog niet af").has_value());
  int64_t id = Published("Bomen geplant");
  auto listed = h_.Get(Handler(pages_, &NewsPages::List), "/x", Slug());
  EXPECT_TRUE(Has(listed.body, "Bomen geplant"));
  EXPECT_TRUE(Has(listed.body, "<em>bomen</em>")) << "the body is Markdown";
  EXPECT_FALSE(Has(listed.body, "Concept"));
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Post), "/x", Item(id)).status, 200);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::List), "/x", {{"slug", "nergens"}}).status, 404);
}

TEST_F(NewsPagesTest, DraftsAndOtherPlatformsPostsAre404ExceptForTheKernteam) {
  auto draft = commands_.CreatePost(anna_, platform_, "Concept", "Nog niet af");
  ASSERT_TRUE(draft.has_value());
  h_.SignInAs(std::nullopt);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Post), "/x", Item(*draft)).status, 404);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Post), "/x", Item(9999)).status, 404);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Post), "/x", {{"slug", platform_.slug}, {"id", "x"}}).status, 404);
  h_.SignInAs(anna_);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Post), "/x", Item(*draft)).status, 200);
}

TEST_F(NewsPagesTest, TheFeedIsAtom) {
  Published("Bomen geplant");
  auto feed = h_.Get(Handler(pages_, &NewsPages::Feed), "/x", Slug());
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(Has(std::string(feed.headers.Get("Content-Type")), "application/atom+xml"));
  EXPECT_TRUE(Has(feed.body, "<title>Bomen geplant</title>")) << feed.body;
}

TEST_F(NewsPagesTest, TheNewsletterArchiveIsForMembers) {
  auth::User bert = world_.AddUser("bert@example.nl", "Bert", {});
  auto letter = commands_.CreateNewsletter(anna_, platform_, "Nieuwsbrief maart", "Hallo *buren*");
  ASSERT_TRUE(letter.has_value());
  ASSERT_TRUE(commands_.SendNewsletter(anna_, platform_, *letter).has_value());
  h_.SignInAs(bert);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Archive), "/x", Slug()).status, 403);
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Newsletter), "/x", Item(*letter)).status, 403);
  ASSERT_TRUE(world_.commands().Join(bert, platform_.id, platforms::MemberKind::kResident, "").has_value());
  auto archive = h_.Get(Handler(pages_, &NewsPages::Archive), "/x", Slug());
  ASSERT_EQ(archive.status, 200);
  EXPECT_TRUE(Has(archive.body, "Nieuwsbrief maart"));
  auto shown = h_.Get(Handler(pages_, &NewsPages::Newsletter), "/x", Item(*letter));
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "<em>buren</em>"));
  EXPECT_EQ(h_.Get(Handler(pages_, &NewsPages::Newsletter), "/x", Item(*letter + 99)).status, 404);
}

}  // namespace
}  // namespace wp::news
