// Unit tests of the kernteam's event pages, handlers called directly.
#include "features/events/kernteam_pages.h"

#include "features/events/page_world_test.h"

namespace wp::events {
namespace {

class KernteamPagesTest : public EventPagesTestBase {
 protected:
  KernteamPagesTest() { h_.SignInAs(anna_); }
  Params Slug() { return {{"slug", platform_.slug}}; }
  Params Event(int64_t id) { return {{"slug", platform_.slug}, {"id", std::to_string(id)}}; }
  std::string Admin() { return "/wijkplatform/" + platform_.slug + "/beheer/activiteiten"; }
  KernteamPages pages_{h_.web(), commands_};
};

TEST_F(KernteamPagesTest, OthersAreRefusedAndAnEmptyListSaysSo) {
  auto list = h_.Get(Handler(pages_, &KernteamPages::List), Admin(), Slug());
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list.body, "href=\"" + Admin() + "/nieuw\""));
  EXPECT_FALSE(Has(list.body, "<table"));
  h_.SignInAs(world_.AddUser("bert@example.nl", "Bert", {}));
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::List), Admin(), Slug()).status, 403);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::Create), "/x", Fields(Form("Van Bert")), Slug()).status, 403);
  EXPECT_TRUE(commands_.OfPlatform(platform_.id, true)->empty());
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::List), "/x", {{"slug", "nergens"}}).status, 404);
}

TEST_F(KernteamPagesTest, ABadFormComesBackWithWhatWasSent) {
  EventForm f = Form("");
  f.end_time = "18:00";
  auto bad = h_.Post(Handler(pages_, &KernteamPages::Create), "/x", Fields(f), Slug());
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-title\"")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "value=\"Buurthuis\"")) << "what was sent is kept";
  EXPECT_TRUE(commands_.OfPlatform(platform_.id, true)->empty());
}

TEST_F(KernteamPagesTest, CreateEditPublishAndCancel) {
  auto created = h_.Post(Handler(pages_, &KernteamPages::Create), "/x", Fields(Form("Bomenwandeling")), Slug());
  ASSERT_EQ(created.status, 303) << created.body;
  auto events = commands_.OfPlatform(platform_.id, true);
  ASSERT_EQ(events->size(), 1u);
  int64_t id = (*events)[0].id;
  EXPECT_EQ(created.headers.Get("Location"), Admin() + "/" + std::to_string(id));
  auto edit = h_.Get(Handler(pages_, &KernteamPages::Edit), "/x", Event(id));
  ASSERT_EQ(edit.status, 200);
  EXPECT_TRUE(Has(edit.body, "/publiceren")) << edit.body;
  EventForm bigger = Form("Grote bomenwandeling", "0");
  auto bad = h_.Post(Handler(pages_, &KernteamPages::Update), "/x", Fields(bigger), Event(id));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-capacity\"")) << bad.body;
  bigger.capacity = "30";
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::Update), "/x", Fields(bigger), Event(id)).status, 303);
  EXPECT_EQ((*commands_.Find(id))->title, "Grote bomenwandeling");
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::Publish), "/x", {}, Event(id)).status, 303);
  EXPECT_EQ((*commands_.Find(id))->status, EventStatus::kPublished);
  ASSERT_EQ(h_.Post(Handler(pages_, &KernteamPages::Cancel), "/x", {}, Event(id)).status, 303);
  EXPECT_EQ((*commands_.Find(id))->status, EventStatus::kCancelled);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::Publish), "/x", {}, Event(id)).status, 409);
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Edit), "/x", Event(id + 99)).status, 404);
}

}  // namespace
}  // namespace wp::events
