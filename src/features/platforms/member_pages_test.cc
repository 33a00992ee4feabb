// Unit tests of joining a platform, werkgroepen, e-mail choices and the
// unsubscribe link, handlers called directly.
#include "features/platforms/member_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class MemberPagesTest : public PlatformPagesTest {
 protected:
  MemberPagesTest() : p_(RegisterBoerhaave()) { h_.SignInAs(bert_); }
  Params Slug() { return {{"slug", p_.slug}}; }
  std::string Path(const std::string& rest) { return "/wijkplatform/" + p_.slug + rest; }
  MemberPages pages_{h_.web(), commands_};
  Platform p_;
  auth::User bert_ = AddUser("bert@example.nl", "Bert", {});
};

TEST_F(MemberPagesTest, JoiningTwiceIsAConflictAndAnUnknownKindIsRefused) {
  auto joined = h_.Post(Handler(pages_, &MemberPages::Join), Path("/lid-worden"), {{"kind", "resident"}}, Slug());
  ASSERT_EQ(joined.status, 303) << joined.body;
  EXPECT_EQ(joined.headers.Get("Location"), Path(""));
  EXPECT_TRUE(commands_.FindMember(p_.id, bert_.id)->has_value());
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::Join), Path("/lid-worden"), {{"kind", "resident"}}, Slug()).status,
            409);
  h_.SignInAs(AddUser("cor@example.nl", "Cor", {}));
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::Join), Path("/lid-worden"), {{"kind", "koning"}}, Slug()).status,
            400);
}

TEST_F(MemberPagesTest, AnOrganisationNeedsItsName) {
  auto r = h_.Post(Handler(pages_, &MemberPages::Join), Path("/lid-worden"), {{"kind", "organisation"}}, Slug());
  EXPECT_GE(r.status, 400);
  EXPECT_FALSE(commands_.FindMember(p_.id, bert_.id)->has_value());
}

TEST_F(MemberPagesTest, TheMailChoiceIsSavedAndLeavingEndsTheMembership) {
  ASSERT_TRUE(commands_.Join(bert_, p_.id, MemberKind::kResident, "").has_value());
  ASSERT_EQ(h_.Post(Handler(pages_, &MemberPages::SetMail), Path("/email"), {{"newsletter", "1"}}, Slug()).status, 303);
  auto me = commands_.FindMember(p_.id, bert_.id);
  ASSERT_TRUE(me.has_value() && *me);
  EXPECT_TRUE((*me)->mail_newsletter);
  EXPECT_FALSE((*me)->mail_events);
  ASSERT_EQ(h_.Post(Handler(pages_, &MemberPages::Leave), Path("/opzeggen"), {}, Slug()).status, 303);
  EXPECT_FALSE(commands_.FindMember(p_.id, bert_.id)->has_value());
}

TEST_F(MemberPagesTest, WerkgroepenAreForMembersAndBadIdsAre404) {
  WorkingGroup g;
  g.theme = "Groen";
  g.contact = {"Anna", "anna@example.nl"};
  auto group = commands_.AddWorkingGroup(anna_, p_.id, g);
  ASSERT_TRUE(group.has_value()) << group.error().detail;
  Params ids = {{"slug", p_.slug}, {"id", std::to_string(*group)}};
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::JoinGroup), "/x", {}, ids).status, 409) << "not a member yet";
  ASSERT_TRUE(commands_.Join(bert_, p_.id, MemberKind::kResident, "").has_value());
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::JoinGroup), "/x", {}, ids).status, 303);
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::LeaveGroup), "/x", {}, ids).status, 303);
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::JoinGroup), "/x", {}, {{"slug", p_.slug}, {"id", "x"}}).status, 404);
  EXPECT_EQ(h_.Post(Handler(pages_, &MemberPages::Join), "/x", {{"kind", "resident"}}, {{"slug", "nergens"}}).status,
            404);
}

TEST_F(MemberPagesTest, TheUnsubscribeLinkTurnsTheTopicOffWithoutSignIn) {
  ASSERT_TRUE(commands_.Join(bert_, p_.id, MemberKind::kResident, "").has_value());
  ASSERT_TRUE(commands_.SetMail(bert_, p_.id, true, true).has_value());
  auto recipients = commands_.Recipients(p_.id, MailTopic::kNewsletter);
  ASSERT_TRUE(recipients.has_value());
  std::string token;
  for (const auto& r : *recipients) {
    if (r.user_id == bert_.id) token = r.unsubscribe_path.substr(r.unsubscribe_path.rfind('/') + 1);
  }
  ASSERT_FALSE(token.empty());
  h_.SignInAs(std::nullopt);
  auto form = h_.Get(Handler(pages_, &MemberPages::UnsubscribeForm), "/afmelden/" + token, {{"token", token}});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE((*commands_.FindMember(p_.id, bert_.id))->mail_newsletter) << "showing the form changes nothing";
  auto done = h_.Post(Handler(pages_, &MemberPages::Unsubscribe), "/afmelden/" + token, {}, {{"token", token}},
                      {.check_csrf = false});
  ASSERT_EQ(done.status, 200);
  EXPECT_FALSE((*commands_.FindMember(p_.id, bert_.id))->mail_newsletter);
  EXPECT_TRUE((*commands_.FindMember(p_.id, bert_.id))->mail_events);
  EXPECT_EQ(
      h_.Get(Handler(pages_, &MemberPages::UnsubscribeForm), "/afmelden/onbekend", {{"token", "onbekend"}}).status,
      404);
}

}  // namespace
}  // namespace wp::platforms
