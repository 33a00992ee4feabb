// Unit tests of an event's public page: registering and cancelling, handlers
// called directly.
#include "features/events/event_pages.h"

#include "features/events/page_world_test.h"
#include "testing/db_queries.h"

namespace wp::events {
namespace {

class EventPagesTest : public EventPagesTestBase {
 protected:
  Params Id(int64_t id) { return {{"id", std::to_string(id)}}; }
  EventPages pages_{h_.web(), commands_};
};

TEST_F(EventPagesTest, DraftsAndBadIdsAre404ForVisitors) {
  auto draft = commands_.Create(anna_, platform_, Form("Concept"));
  ASSERT_TRUE(draft.has_value());
  h_.SignInAs(anna_);
  EXPECT_EQ(h_.Get(Handler(pages_, &EventPages::Show), "/x", Id(*draft)).status, 200) << "the kernteam sees it";
  h_.SignInAs(std::nullopt);
  EXPECT_EQ(h_.Get(Handler(pages_, &EventPages::Show), "/x", Id(*draft)).status, 404);
  EXPECT_EQ(h_.Get(Handler(pages_, &EventPages::Show), "/x", Id(9999)).status, 404);
  EXPECT_EQ(h_.Get(Handler(pages_, &EventPages::Show), "/x", {{"id", "abc"}}).status, 404);
}

TEST_F(EventPagesTest, AVisitorNeedsANameAndAnAddressToRegister) {
  int64_t id = Published("Bomenwandeling");
  h_.SignInAs(std::nullopt);
  auto page = h_.Get(Handler(pages_, &EventPages::Show), "/x", Id(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "<em>bomen</em>")) << "the description is Markdown" << page.body;
  auto bad = h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", ""}, {"email", "geen-adres"}}, Id(id));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-name\"")) << bad.body;
  auto bad_email =
      h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", "Cor"}, {"email", "geen-adres"}}, Id(id));
  EXPECT_EQ(bad_email.status, 422);
  EXPECT_TRUE(Has(bad_email.body, "href=\"#f-email\"")) << bad_email.body;
  EXPECT_TRUE(Has(bad_email.body, "value=\"Cor\"")) << "what was sent is kept";
  EXPECT_TRUE(commands_.Registrations(id)->empty());
  auto ok =
      h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", "Cor"}, {"email", "cor@example.nl"}}, Id(id));
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers.Get("Location"), "/activiteit/" + std::to_string(id));
  EXPECT_EQ(commands_.Registrations(id)->size(), 1u);
}

TEST_F(EventPagesTest, AFullEventPutsTheNextPersonOnTheWaitingListAndADraftTakesNoOne) {
  int64_t id = Published("Kleine groep", "1");
  h_.SignInAs(std::nullopt);
  ASSERT_EQ(
      h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", "Cor"}, {"email", "cor@example.nl"}}, Id(id))
          .status,
      303);
  ASSERT_EQ(
      h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", "Dirk"}, {"email", "dirk@example.nl"}}, Id(id))
          .status,
      303);
  auto regs = commands_.Registrations(id);
  ASSERT_EQ(regs->size(), 2u);
  EXPECT_EQ((*regs)[1].registration.state, RegistrationState::kWaiting);
  auto draft = commands_.Create(anna_, platform_, Form("Concept"));
  auto closed =
      h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", "Eva"}, {"email", "eva@example.nl"}}, Id(*draft));
  EXPECT_EQ(closed.status, 404) << "a draft is not public";
  EXPECT_TRUE(commands_.Registrations(*draft)->empty());
}

TEST_F(EventPagesTest, ASignedInResidentCancelsAndTheCancelLinkWorksOnce) {
  int64_t id = Published("Bomenwandeling");
  auth::User bert = world_.AddUser("bert@example.nl", "Bert", {});
  h_.SignInAs(bert);
  ASSERT_EQ(h_.Post(Handler(pages_, &EventPages::Register), "/x", {}, Id(id)).status, 303);
  auto page = h_.Get(Handler(pages_, &EventPages::Show), "/x", Id(id));
  EXPECT_TRUE(Has(page.body, "/activiteit/" + std::to_string(id) + "/afmelden")) << page.body;
  ASSERT_EQ(h_.Post(Handler(pages_, &EventPages::CancelMine), "/x", {}, Id(id)).status, 303);

  h_.SignInAs(std::nullopt);
  ASSERT_EQ(
      h_.Post(Handler(pages_, &EventPages::Register), "/x", {{"name", "Cor"}, {"email", "cor@example.nl"}}, Id(id))
          .status,
      303);
  std::string token;
  for (const auto& mail : wp::testing::Outbox(h_.db())) {
    size_t at = mail.body.find("/activiteit/afmelden/");
    if (mail.to == "cor@example.nl" && at != std::string::npos) {
      size_t start = at + std::string("/activiteit/afmelden/").size();
      size_t end = mail.body.find_first_of(" \r\n>)", start);
      token = mail.body.substr(start, end - start);
    }
  }
  ASSERT_FALSE(token.empty());
  auto link = h_.Get(Handler(pages_, &EventPages::CancelLink), "/x", {{"token", token}});
  ASSERT_EQ(link.status, 200);
  EXPECT_TRUE(Has(link.body, "Bomenwandeling"));
  EXPECT_EQ(h_.Post(Handler(pages_, &EventPages::CancelByLink), "/x", {}, {{"token", token}}).status, 200);
  EXPECT_EQ(h_.Post(Handler(pages_, &EventPages::CancelByLink), "/x", {}, {{"token", token}}).status, 404);
  EXPECT_EQ(h_.Get(Handler(pages_, &EventPages::CancelLink), "/x", {{"token", token}}).status, 404);
}

}  // namespace
}  // namespace wp::events
