// Unit tests of the kernteam's management page, handlers called directly.
#include "features/platforms/kernteam_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class KernteamPagesTest : public PlatformPagesTest {
 protected:
  KernteamPagesTest() : p_(RegisterBoerhaave()) {}
  Params Slug() { return {{"slug", p_.slug}}; }
  std::string Path() { return "/wijkplatform/" + p_.slug + "/beheer"; }
  KernteamPages pages_{h_.web(), commands_, invitations_, zone_};
  Platform p_;
};

TEST_F(KernteamPagesTest, OnlyTheKernteamAndAdministratorsMayManage) {
  auto page = h_.Get(Handler(pages_, &KernteamPages::Manage), Path(), Slug());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "value=\"Wijkplatform Boerhaavewijk\"")) << page.body;
  EXPECT_TRUE(Has(page.body, "href=\"/wijkplatform/" + p_.slug + "/beheer\"")) << "the breadcrumb ends here";
  h_.SignInAs(AddUser("bert@example.nl", "Bert", {}));
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Manage), Path(), Slug()).status, 403);
  EXPECT_EQ(
      h_.Post(Handler(pages_, &KernteamPages::Save), Path(), {{"section", "details"}, {"name", "Van Bert"}}, Slug())
          .status,
      403);
  EXPECT_EQ((*commands_.Find(p_.id))->name, "Wijkplatform Boerhaavewijk");
  h_.SignInAs(AddUser("beheer@example.nl", "Beheer", {{auth::Role::kAdministrator, ""}}));
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Manage), Path(), Slug()).status, 200);
  EXPECT_EQ(h_.Get(Handler(pages_, &KernteamPages::Manage), "/x", {{"slug", "nergens"}}).status, 404);
}

TEST_F(KernteamPagesTest, BadDetailsComeBackOnTheFormAndGoodOnesAreSaved) {
  Params details = {{"section", "details"},
                    {"name", ""},
                    {"description", "Nieuw"},
                    {"themes", "Groen"},
                    {"contact_email", "platform@example.nl"}};
  auto bad = h_.Post(Handler(pages_, &KernteamPages::Save), Path(), details, Slug());
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-name\"")) << bad.body;
  details[1].second = "Platform Boerhaave";
  auto ok = h_.Post(Handler(pages_, &KernteamPages::Save), Path(), details, Slug());
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(ok.headers.Get("Location"), Path());
  EXPECT_EQ((*commands_.Find(p_.id))->name, "Platform Boerhaave");
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::Save), Path(), {{"section", "iets"}}, Slug()).status, 400);
}

TEST_F(KernteamPagesTest, AddingSomeoneSendsAnInvitationAndTellsNothingAboutAccounts) {
  AddUser("bert@example.nl", "Bert", {});
  auto Invite = [&](const std::string& email) {
    return h_.Post(Handler(pages_, &KernteamPages::Save), Path(), {{"section", "kernteam"}, {"kernteam_email", email}},
                   Slug());
  };
  auto to_account = Invite("Bert@Example.nl ");
  auto to_nobody = Invite("niemand@example.nl");
  EXPECT_EQ(to_account.status, 303);
  EXPECT_EQ(to_nobody.status, to_account.status) << "the same answer with or without an account";
  EXPECT_EQ(to_nobody.headers.Get("Location"), to_account.headers.Get("Location"));
  EXPECT_EQ(commands_.Management(p_)->kernteam.size(), 1u) << "nobody has a role before saying yes";
  auto page = h_.Get(Handler(pages_, &KernteamPages::Manage), Path(), Slug());
  EXPECT_TRUE(Has(page.body, "bert@example.nl (uitnodiging geldig tot")) << page.body;
  EXPECT_TRUE(Has(page.body, "niemand@example.nl (uitnodiging geldig tot"));
  auto bad = Invite("geen-adres");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-kernteam_email\"")) << bad.body;
  EXPECT_EQ(Invite("anna@example.nl").status, 422) << "already in the kernteam";
}

TEST_F(KernteamPagesTest, TheLastKernteamMemberCannotBeRemoved) {
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::RemoveKernteamMember), "/x", {},
                    {{"slug", p_.slug}, {"id", std::to_string(anna_.id)}})
                .status,
            409);
  auth::User bert = AddUser("bert@example.nl", "Bert", {});
  auto token = invitations_.InviteToKernteam(anna_, p_.id, "bert@example.nl");
  ASSERT_TRUE(token.has_value()) << token.error().detail;
  ASSERT_TRUE(invitations_.Answer(bert, *token, true).has_value());
  ASSERT_EQ(commands_.Management(p_)->kernteam.size(), 2u);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::RemoveKernteamMember), "/x", {},
                    {{"slug", p_.slug}, {"id", std::to_string(bert.id)}})
                .status,
            303);
  EXPECT_EQ(commands_.Management(p_)->kernteam.size(), 1u);
}

TEST_F(KernteamPagesTest, SpreekurenNeedAWeekdayAndATimeThenCanBeDeleted) {
  auto bad = h_.Post(Handler(pages_, &KernteamPages::Save), Path(),
                     {{"section", "hours"}, {"hours_weekday", "zondag"}, {"hours_time", "19:00-20:30"}}, Slug());
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-hours_weekday\"")) << bad.body;
  auto ok = h_.Post(Handler(pages_, &KernteamPages::Save), Path(),
                    {{"section", "hours"},
                     {"hours_weekday", "wednesday"},
                     {"hours_time", "19:00-20:30"},
                     {"hours_place", "Buurthuis"}},
                    Slug());
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto hours = commands_.Management(p_)->hours;
  ASSERT_EQ(hours.size(), 1u);
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::DeleteOfficeHours), "/x", {},
                    {{"slug", p_.slug}, {"id", std::to_string(hours[0].id)}})
                .status,
            303);
  EXPECT_TRUE(commands_.Management(p_)->hours.empty());
}

TEST_F(KernteamPagesTest, AWerkgroepIsAddedListedAndDeleted) {
  auto ok = h_.Post(Handler(pages_, &KernteamPages::Save), Path(),
                    {{"section", "group"},
                     {"group_theme", "Groen"},
                     {"group_contact_name", "Anna"},
                     {"group_contact_email", "anna@example.nl"}},
                    Slug());
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto page = h_.Get(Handler(pages_, &KernteamPages::Manage), Path(), Slug());
  EXPECT_TRUE(Has(page.body, "Groen"));
  auto groups = commands_.Management(p_)->groups;
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_TRUE(Has(page.body, "/beheer/werkgroepen/" + std::to_string(groups[0].group.id) + "/verwijderen"));
  EXPECT_EQ(h_.Post(Handler(pages_, &KernteamPages::DeleteWorkingGroup), "/x", {},
                    {{"slug", p_.slug}, {"id", std::to_string(groups[0].group.id)}})
                .status,
            303);
  EXPECT_TRUE(commands_.Management(p_)->groups.empty());
}

}  // namespace
}  // namespace wp::platforms
