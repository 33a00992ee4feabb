// Unit tests of the kernteam's news and newsletter pages, handlers called
// directly.
#include "features/news/kernteam_pages.h"

#include "features/news/page_world_test.h"
#include "testing/db_queries.h"

namespace wp::news {
namespace {

class KernteamPagesTest : public NewsPagesTestBase {
 protected:
  KernteamPagesTest() { h_.SignInAs(anna_); }
  std::string Posts() { return "/wijkplatform/" + platform_.slug + "/beheer/nieuws"; }
  std::string Letters() { return "/wijkplatform/" + platform_.slug + "/beheer/nieuwsbrief"; }
  KernteamPages pages_{h_.web(), commands_, zone_};
};

TEST_F(KernteamPagesTest, OthersAreRefused) {
  h_.SignInAs(world_.AddUser("bert@example.nl", "Bert", {}));
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Posts), "/x", Slug()).status, 403);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::CreatePost), "/x", {{"title", "T"}, {"body", "B"}}, Slug()).status,
            403);
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Newsletters), "/x", Slug()).status, 403);
  EXPECT_TRUE(commands_.Posts(platform_.id, true)->empty());
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Posts), "/x", {{"slug", "nergens"}}).status, 404);
}

TEST_F(KernteamPagesTest, AnAdministratorSupportsNewsButNeverSendsANewsletter) {
  auto letter = commands_.CreateNewsletter(anna_, platform_, "Nieuwsbrief maart", "Hallo buren");
  ASSERT_TRUE(letter.has_value());
  h_.SignInAs(world_.AddUser("beheer@example.nl", "Beheer", {{auth::Role::kAdministrator, ""}}));
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Posts), "/x", Slug()).status, 200);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::SendLetter), "/x", {}, Item(*letter)).status, 403);
  EXPECT_FALSE((*commands_.FindNewsletter(*letter))->sent_at.has_value());
}

TEST_F(KernteamPagesTest, APostNeedsATitleThenIsSavedPublishedAndWithdrawn) {
  auto empty = h_.Get(Handler(pages_, &KernteamPages::Posts), "/x", Slug());
  ASSERT_EQ(empty.status, 200);
  EXPECT_FALSE(Has(empty.body, "<table"));
  auto bad = h_.Post(Handler(pages_, &KernteamPages::CreatePost), "/x", {{"title", ""}, {"body", "Tekst"}}, Slug());
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-title\"")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "Tekst")) << "what was sent is kept";
  auto ok = h_.Post(Handler(pages_, &KernteamPages::CreatePost), "/x", {{"title", "Bomen"}, {"body", "Over *bomen*"}},
                    Slug());
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto posts = commands_.Posts(platform_.id, true);
  ASSERT_EQ(posts->size(), 1u);
  int64_t id = (*posts)[0].id;
  EXPECT_EQ(ok.headers.Get("Location"), Posts() + "/" + std::to_string(id));
  auto edit = h_.Get(Handler(pages_, &KernteamPages::EditPost), "/x", Item(id));
  ASSERT_EQ(edit.status, 200);
  EXPECT_TRUE(Has(edit.body, "<em>bomen</em>")) << "the preview";
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::UpdatePost), "/x", {{"title", ""}, {"body", "x"}}, Item(id)).status,
            422);
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::PublishPost), "/x", {}, Item(id)).status, 303);
  EXPECT_EQ((*commands_.FindPost(id))->status, PostStatus::kPublished);
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::WithdrawPost), "/x", {}, Item(id)).status, 303);
  EXPECT_EQ((*commands_.FindPost(id))->status, PostStatus::kDraft);
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::EditPost), "/x", Item(id + 99)).status, 404);
}

TEST_F(KernteamPagesTest, ANewsletterGoesToMembersWhoChoseItOnce) {
  auth::User bert = world_.AddUser("bert@example.nl", "Bert", {});
  ASSERT_TRUE(world_.commands().Join(bert, platform_.id, platforms::MemberKind::kResident, "").has_value());
  ASSERT_TRUE(world_.commands().SetMail(bert, platform_.id, true, false).has_value());
  auto bad = h_.Post(Handler(pages_, &KernteamPages::CreateLetter), "/x", {{"subject", ""}, {"body", ""}}, Slug());
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-subject\"")) << bad.body;
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::CreateLetter), "/x",
                    {{"subject", "Nieuwsbrief maart"}, {"body", "Hallo buren"}}, Slug())
                .status,
            303);
  auto letters = commands_.Newsletters(platform_.id, true);
  ASSERT_EQ(letters->size(), 1u);
  int64_t id = (*letters)[0].id;
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::SendLetter), "/x", {}, Item(id)).status, 303);
  int sent_to_bert = 0;
  for (const auto& mail : wp::testing::Outbox(h_.db())) sent_to_bert += mail.to == "bert@example.nl";
  EXPECT_EQ(sent_to_bert, 1);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::SendLetter), "/x", {}, Item(id)).status, 409);
  EXPECT_EQ(
      h_.Post(Handler(pages_, &KernteamPages::UpdateLetter), "/x", {{"subject", "Anders"}, {"body", "x"}}, Item(id))
          .status,
      409);
}

}  // namespace
}  // namespace wp::news
