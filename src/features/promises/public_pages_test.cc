// Handler tests of the promises pages (public and officials'), called
// directly through PageHarness with real commands and platforms.
#include "features/promises/public_pages.h"

#include "features/platforms/page_world_test.h"
#include "features/promises/official_pages.h"
#include "wp_promises_files.h"

namespace wp::promises {
namespace {

class PromisePagesTest : public platforms::PageTest {
 protected:
  PromisePagesTest() { h_.clock().Set(1795455000); }  // Monday 23 November 2026, 18:30 in Haarlem

  int64_t Make() {
    auto id = commands_.Create(
        samira_, boerhaave_.id,
        {"Bankjes in het park", "meeting", "Wijkgesprek", "Openbare Ruimte", "Karin", "2027-01-15"}, std::nullopt);
    if (!id.has_value()) throw std::runtime_error("Make: " + id.error().detail);
    return *id;
  }
  Params Id(int64_t id) { return {{"id", std::to_string(id)}}; }

  wp::testing::PageHarness h_{"promises", PromisesFiles()};
  platforms::PlatformWorld world_{h_};
  auth::User anna_ = world_.AddUser("anna@example.nl", "Anna", {});
  auth::User samira_ = world_.AddUser("samira@haarlem.example", "Samira", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  platforms::Platform boerhaave_ = world_.RegisterBoerhaave(anna_);
  accounts::Roles roles_;
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  PromiseCommands commands_{h_.db(), h_.clock(), world_.directory(), roles_, zone_, nullptr, nullptr};
  PublicPages open_{h_.web(), commands_};
  OfficialPages official_{h_.web(), commands_, open_};
};

TEST_F(PromisePagesTest, ThePromisePageShowsTheFormsOnlyToItsKeeper) {
  int64_t id = Make();
  auto visitor = h_.Get(Handler(open_, &PublicPages::Promise), "/x", Id(id));
  ASSERT_EQ(visitor.status, 200);
  EXPECT_TRUE(Has(visitor.body, "Bankjes in het park"));
  EXPECT_TRUE(Has(visitor.body, "15 januari 2027"));
  EXPECT_FALSE(Has(visitor.body, "/bijwerken"));
  h_.SignInAs(anna_);
  EXPECT_FALSE(Has(h_.Get(Handler(open_, &PublicPages::Promise), "/x", Id(id)).body, "/overdragen"));
  h_.SignInAs(samira_);
  auto keeper = h_.Get(Handler(open_, &PublicPages::Promise), "/x", Id(id));
  EXPECT_TRUE(Has(keeper.body, "action=\"/toezeggingen/" + std::to_string(id) + "/bijwerken\""));
  EXPECT_TRUE(Has(keeper.body, "action=\"/toezeggingen/" + std::to_string(id) + "/overdragen\""));
  EXPECT_TRUE(Has(keeper.body, "value=\"Karin\"")) << "the handover form starts from the owner";
  EXPECT_FALSE(Has(keeper.body, "<option value=\"open\"")) << "an open promise offers done and dropped";
  EXPECT_EQ(h_.Get(Handler(open_, &PublicPages::Promise), "/x", Id(id + 1)).status, 404);
}

TEST_F(PromisePagesTest, OfficialPagesAreForKeepersAndKeepWhatWasTyped) {
  h_.SignInAs(anna_);
  EXPECT_EQ(h_.Get(Handler(official_, &OfficialPages::Overview), "/beheer/toezeggingen").status, 403);
  EXPECT_EQ(h_.Get(Handler(official_, &OfficialPages::NewForm), "/beheer/toezeggingen/nieuw").status, 403);
  h_.SignInAs(samira_);
  auto form = h_.Get(Handler(official_, &OfficialPages::NewForm),
                     "/beheer/toezeggingen/nieuw?platform=" + std::to_string(boerhaave_.id));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form.body, "<option value=\"" + std::to_string(boerhaave_.id) + "\" selected>"));
  auto bad = h_.Post(Handler(official_, &OfficialPages::Create), "/x",
                     {{"platform", std::to_string(boerhaave_.id)},
                      {"text", "Een zebrapad"},
                      {"source", "meeting"},
                      {"source_note", ""},
                      {"department", "Verkeer"},
                      {"person", ""},
                      {"due", "2026-11-01"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-source_note\""));
  EXPECT_TRUE(Has(bad.body, "href=\"#f-person\""));
  EXPECT_TRUE(Has(bad.body, "href=\"#f-due\""));
  EXPECT_TRUE(Has(bad.body, "Een zebrapad")) << "what was typed is kept";
  EXPECT_TRUE(commands_.OfPlatform(boerhaave_.id)->empty());

  int64_t id = Make();
  auto same = h_.Post(Handler(official_, &OfficialPages::Handover), "/x",
                      {{"department", "Openbare Ruimte"}, {"person", "Karin"}, {"note", "Karin blijft"}}, Id(id));
  EXPECT_EQ(same.status, 422);
  EXPECT_TRUE(Has(same.body, "Dit is dezelfde afdeling en persoon"));
  EXPECT_TRUE(Has(same.body, "Karin blijft")) << "the note is kept";
  EXPECT_EQ(h_.Get(Handler(official_, &OfficialPages::Overview), "/beheer/toezeggingen").status, 200);
}

}  // namespace
}  // namespace wp::promises
