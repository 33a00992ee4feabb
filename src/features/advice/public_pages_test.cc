// Handler tests of the advice pages (public, kernteam, officials), called
// directly through PageHarness with real commands and platforms.
#include "features/advice/public_pages.h"

#include "features/advice/kernteam_pages.h"
#include "features/advice/official_pages.h"
#include "features/platforms/page_world_test.h"
#include "testing/temp_dir.h"
#include "wp_advice_files.h"

namespace wp::advice {
namespace {

class AdvicePagesTest : public platforms::PageTest {
 protected:
  AdvicePagesTest() { h_.clock().Set(1795455000); }

  // An open request to Boerhaavewijk; returns its id.
  int64_t Open() {
    auto id = commands_.CreateRequest(
        samira_, {"Bankjes", "Waar?", "advise", "", "Samira", "samira@haarlem.example", false, "", {boerhaave_.id}});
    if (!id.has_value() || !commands_.SendRequest(samira_, *id).has_value()) throw std::runtime_error("Open");
    return *id;
  }
  Params Id(int64_t id) { return {{"id", std::to_string(id)}}; }

  wp::testing::PageHarness h_{"advice", AdviceFiles()};
  platforms::PlatformWorld world_{h_};
  auth::User anna_ = world_.AddUser("anna@example.nl", "Anna", {});
  auth::User samira_ = world_.AddUser("samira@haarlem.example", "Samira", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  platforms::Platform boerhaave_ = world_.RegisterBoerhaave(anna_);
  accounts::Roles roles_;
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  wp::testing::TempDir files_dir_;
  files::BlobStore files_{files_dir_.path() / "files"};
  AdviceCommands commands_{h_.db(), h_.clock(), h_.catalog(), world_.directory(), roles_, zone_, files_, AdviceSettings{}};
  PublicPages open_{h_.web(), commands_};
  KernteamPages kernteam_{h_.web(), commands_};
  OfficialPages official_{h_.web(), commands_, open_};
};

TEST_F(AdvicePagesTest, TheRequestPageShowsEachVisitorTheirActions) {
  int64_t id = Open();
  auto visitor = h_.Get(Handler(open_, &PublicPages::Request), "/x", Id(id));
  ASSERT_EQ(visitor.status, 200);
  EXPECT_FALSE(Has(visitor.body, "Advies geven namens"));
  EXPECT_FALSE(Has(visitor.body, "/intrekken"));
  h_.SignInAs(anna_);
  auto kern = h_.Get(Handler(open_, &PublicPages::Request), "/x", Id(id));
  EXPECT_TRUE(
      Has(kern.body, "href=\"/wijkplatform/" + boerhaave_.slug + "/advies/nieuw?aanvraag=" + std::to_string(id) + "\""))
      << kern.body;
  h_.SignInAs(samira_);
  auto official = h_.Get(Handler(open_, &PublicPages::Request), "/x", Id(id));
  EXPECT_TRUE(Has(official.body, "action=\"/beheer/advies/aanvraag/" + std::to_string(id) + "/intrekken\""));
  EXPECT_FALSE(Has(official.body, "/versturen")) << "already sent";
  EXPECT_EQ(h_.Get(Handler(open_, &PublicPages::Request), "/x", Id(id + 1)).status, 404);
}

TEST_F(AdvicePagesTest, OfficialPagesAreForOfficialsAndKeepWhatWasTyped) {
  h_.SignInAs(anna_);
  EXPECT_EQ(h_.Get(Handler(official_, &OfficialPages::Overview), "/beheer/advies").status, 403);
  EXPECT_EQ(h_.Get(Handler(official_, &OfficialPages::NewRequest), "/beheer/advies/aanvraag/nieuw").status, 403);
  h_.SignInAs(samira_);
  auto form = h_.Get(Handler(official_, &OfficialPages::NewRequest), "/beheer/advies/aanvraag/nieuw");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form.body, "value=\"samira@haarlem.example\"")) << "the official is the contact by default";
  EXPECT_TRUE(Has(form.body, "id=\"f-platforms\" name=\"platform\" value=\"" + std::to_string(boerhaave_.id) + "\""));
  auto bad = h_.Post(Handler(official_, &OfficialPages::CreateRequest), "/x",
                     {{"subject", "Bankjes"},
                      {"questions", ""},
                      {"level", "advise"},
                      {"deadline", "2020-01-01"},
                      {"contact_name", "Samira"},
                      {"contact_email", "samira@haarlem.example"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-questions\""));
  EXPECT_TRUE(Has(bad.body, "href=\"#f-deadline\""));
  EXPECT_TRUE(Has(bad.body, "href=\"#f-platforms\""));
  EXPECT_TRUE(Has(bad.body, "value=\"Bankjes\""));

  int64_t id = Open();
  h_.SignInAs(anna_);
  auto created = h_.Post(Handler(kernteam_, &KernteamPages::Create), "/x?aanvraag=" + std::to_string(id),
                         {{"title", "Advies"}, {"points", "Een.\n\nTwee."}}, {{"slug", boerhaave_.slug}});
  ASSERT_EQ(created.status, 303) << created.body;
  auto advices = commands_.AdvicesOf(anna_, boerhaave_);
  ASSERT_EQ(advices->size(), 1u);
  int64_t advice = (*advices)[0].id;
  EXPECT_EQ(h_.Post(Handler(kernteam_, &KernteamPages::Submit), "/x", {},
                    {{"slug", boerhaave_.slug}, {"id", std::to_string(advice)}})
                .status,
            303);
  h_.SignInAs(samira_);
  auto half = h_.Post(Handler(official_, &OfficialPages::Answer), "/x",
                      {{"verdict_1", "partly"}, {"reason_1", "Deels, want het geld is op."}}, Id(advice));
  EXPECT_EQ(half.status, 422);
  EXPECT_TRUE(Has(half.body, "Deels, want het geld is op.")) << "what was typed is kept";
  EXPECT_TRUE(Has(half.body, "value=\"partly\" checked"));
  EXPECT_TRUE(Has(half.body, "href=\"#f-verdict_2\""));
  EXPECT_EQ((*commands_.AdviceOf(samira_, advice)).advice.status, AdviceStatus::kSubmitted);
}

}  // namespace
}  // namespace wp::advice
