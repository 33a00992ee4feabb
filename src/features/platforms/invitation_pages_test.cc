// Unit tests of the kernteam invitation page, handlers called directly.
#include "features/platforms/invitation_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class InvitationPagesTest : public PlatformPagesTest {
 protected:
  InvitationPagesTest() : p_(RegisterBoerhaave()) {}
  // Anna's invitation of `email`: the path of its link.
  std::string Invite(const std::string& email) {
    auto token = invitations_.InviteToKernteam(anna_, p_.id, email);
    if (!token.has_value()) throw std::runtime_error(token.error().detail);
    token_ = *token;
    return "/uitnodiging/" + *token;
  }
  Params Token() { return {{"token", token_}}; }
  InvitationPages pages_{h_.web(), invitations_};
  Platform p_;
  std::string token_;
};

TEST_F(InvitationPagesTest, OnlyTheInvitedAddressGetsTheButtonsAndYesGivesTheRole) {
  auth::User bert = AddUser("bert@example.nl", "Bert", {});
  std::string path = Invite("bert@example.nl");
  auto as_anna = h_.Get(Handler(pages_, &InvitationPages::Show), path, Token());
  EXPECT_EQ(as_anna.status, 200);
  EXPECT_TRUE(Has(as_anna.body, "voor een ander e-mailadres")) << as_anna.body;
  EXPECT_FALSE(Has(as_anna.body, "name=\"answer\""));
  h_.SignInAs(bert);
  auto page = h_.Get(Handler(pages_, &InvitationPages::Show), path, Token());
  EXPECT_TRUE(Has(page.body, "Anna nodigt u uit voor het kernteam van Wijkplatform Boerhaavewijk")) << page.body;
  EXPECT_TRUE(Has(page.body, "name=\"answer\" value=\"ja\""));
  EXPECT_FALSE(world_.Reloaded(bert).HasRole(auth::Role::kKernteamMember, PlatformScope(p_.id)));
  auto yes = h_.Post(Handler(pages_, &InvitationPages::Answer), path, {{"answer", "ja"}}, Token());
  EXPECT_EQ(yes.status, 303);
  EXPECT_EQ(yes.headers.Get("Location"), "/wijkplatform/" + p_.slug + "/beheer");
  EXPECT_TRUE(world_.Reloaded(bert).HasRole(auth::Role::kKernteamMember, PlatformScope(p_.id)));
  EXPECT_TRUE(commands_.FindMember(p_.id, bert.id)->has_value()) << "a kernteam member is a member too";
}

TEST_F(InvitationPagesTest, NoLeavesEverythingAsItWasAndAnUnknownLinkIsNotFound) {
  auth::User bert = AddUser("bert@example.nl", "Bert", {});
  std::string path = Invite("bert@example.nl");
  h_.SignInAs(bert);
  auto no = h_.Post(Handler(pages_, &InvitationPages::Answer), path, {{"answer", "nee"}}, Token());
  EXPECT_EQ(no.status, 303);
  EXPECT_FALSE(world_.Reloaded(bert).HasRole(auth::Role::kKernteamMember, PlatformScope(p_.id)));
  EXPECT_TRUE(Has(h_.Get(Handler(pages_, &InvitationPages::Show), path, Token()).body, "al beantwoord"));
  auto unknown = h_.Get(Handler(pages_, &InvitationPages::Show), "/uitnodiging/x", {{"token", std::string(43, 'B')}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(Has(unknown.body, "Deze uitnodiging bestaat niet"));
}

TEST_F(InvitationPagesTest, TheMailGoesOnlyToAVerifiedAddress) {
  Invite("nieuw@example.nl");
  auto held = h_.db().Read([](db::Connection& c) {
    return c.QueryOne("SELECT held_reason FROM mail_outbox WHERE recipient = 'nieuw@example.nl'");
  });
  ASSERT_TRUE(held.has_value()) << held.error().detail;
  EXPECT_EQ(held->Text(0), "unverified") << "an address nobody confirmed gets nothing yet";
}

}  // namespace
}  // namespace wp::platforms
