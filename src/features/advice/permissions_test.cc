#include "features/advice/permissions.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace wp::advice {
namespace {

using auth::Role;

auth::User U(std::vector<auth::RoleGrant> grants) { return auth::User{7, "x@example.nl", "X", "nl", grants}; }

// For the platform with scope "12" in stadsdeel "schalkwijk": each row gives,
// in Action order (ask, answer, write, read confidential), '+' or '.'.
TEST(PermissionsTest, WhoMayDoWhat) {
  struct Row {
    const char* who;
    auth::User user;
    const char* can;
    bool official;
  };
  const Row kTable[] = {
      {"visitor", auth::User{}, "....", false},
      {"resident", U({}), "....", false},
      {"member", U({{Role::kPlatformMember, "12"}}), "....", false},
      {"kernteam of the platform", U({{Role::kKernteamMember, "12"}}), "..++", false},
      {"kernteam of another platform", U({{Role::kKernteamMember, "13"}}), "....", false},
      {"unscoped kernteam grant", U({{Role::kKernteamMember, ""}}), "....", false},
      {"gebiedsverbinder of the stadsdeel", U({{Role::kAreaLiaison, "schalkwijk"}}), "++.+", true},
      {"gebiedsverbinder elsewhere", U({{Role::kAreaLiaison, "centrum"}}), "....", true},
      {"gebiedsverbinder everywhere", U({{Role::kAreaLiaison, ""}}), "++.+", true},
      {"vakspecialist", U({{Role::kMunicipalExpert, ""}}), "++.+", true},
      {"staff of a department", U({{Role::kMunicipalStaff, "afdeling:groen"}}), "++.+", true},
      {"administrator", U({{Role::kAdministrator, ""}}), "++.+", true},
      {"official and kernteam", U({{Role::kAreaLiaison, "schalkwijk"}, {Role::kKernteamMember, "12"}}), "++++", true},
  };
  const Action kActions[] = {Action::kAskAdvice, Action::kAnswer, Action::kWriteAdvice, Action::kReadConfidential};
  for (const auto& row : kTable) {
    std::string got;
    for (Action a : kActions) got += Can(row.user, a, "12", "schalkwijk") ? '+' : '.';
    EXPECT_EQ(got, row.can) << row.who;
    EXPECT_EQ(IsOfficial(row.user), row.official) << row.who;
  }
}

TEST(PermissionsTest, AnEmptyScopeOrStadsdeelGrantsNothingScoped) {
  auth::User liaison = U({{Role::kAreaLiaison, "schalkwijk"}});
  EXPECT_FALSE(Can(liaison, Action::kAskAdvice, "12", "")) << "a platform without a stadsdeel";
  EXPECT_FALSE(Can(U({{Role::kKernteamMember, "12"}}), Action::kWriteAdvice, "", "schalkwijk"));
}

// Editing an advice's content: only its platform's kernteam, only while it
// is a draft; everyone else is refused as not the kernteam, whatever the state.
TEST(PermissionsTest, OnlyTheKernteamEditsAndOnlyADraft) {
  using S = AdviceStatus;
  using R = EditRefusal;
  struct Row {
    const char* who;
    auth::User user;
    S status;
    std::optional<R> expected;
  };
  const Row kTable[] = {
      {"kernteam, draft", U({{Role::kKernteamMember, "12"}}), S::kDraft, std::nullopt},
      {"kernteam, submitted", U({{Role::kKernteamMember, "12"}}), S::kSubmitted, R::kSubmitted},
      {"kernteam, answered", U({{Role::kKernteamMember, "12"}}), S::kAnswered, R::kSubmitted},
      {"kernteam of another platform, draft", U({{Role::kKernteamMember, "13"}}), S::kDraft, R::kNotKernteam},
      {"kernteam of another platform, submitted", U({{Role::kKernteamMember, "13"}}), S::kSubmitted,
       R::kNotKernteam},
      {"unscoped kernteam grant, draft", U({{Role::kKernteamMember, ""}}), S::kDraft, R::kNotKernteam},
      {"member, draft", U({{Role::kPlatformMember, "12"}}), S::kDraft, R::kNotKernteam},
      {"gebiedsverbinder, draft", U({{Role::kAreaLiaison, "schalkwijk"}}), S::kDraft, R::kNotKernteam},
      {"administrator, draft", U({{Role::kAdministrator, ""}}), S::kDraft, R::kNotKernteam},
      {"visitor, draft", auth::User{}, S::kDraft, R::kNotKernteam},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(CheckDraftEdit(row.user, "12", "schalkwijk", row.status), row.expected) << row.who;
  }
  EXPECT_EQ(EditRefusalKey(R::kNotKernteam), "advice.error.not_kernteam");
  EXPECT_EQ(EditRefusalKey(R::kSubmitted), "advice.error.edit_submitted");
}

// Editing a request's content: only an official of every platform it asks,
// only while it is a draft; everyone else is refused as not an official,
// whatever the state.
TEST(PermissionsTest, OnlyTheOfficialsOfEveryPlatformEditADraftRequest) {
  using S = RequestStatus;
  using R = RequestEditRefusal;
  const std::vector<PlatformRef> kOne = {{"12", "schalkwijk"}};
  const std::vector<PlatformRef> kTwo = {{"12", "schalkwijk"}, {"20", "centrum"}};
  struct Row {
    const char* who;
    auth::User user;
    std::vector<PlatformRef> platforms;
    S status;
    std::optional<R> expected;
  };
  const Row kTable[] = {
      {"gebiedsverbinder, draft", U({{Role::kAreaLiaison, "schalkwijk"}}), kOne, S::kDraft, std::nullopt},
      {"gebiedsverbinder, open", U({{Role::kAreaLiaison, "schalkwijk"}}), kOne, S::kOpen, R::kNotDraft},
      {"gebiedsverbinder, advice in", U({{Role::kAreaLiaison, "schalkwijk"}}), kOne, S::kAdviceSubmitted,
       R::kNotDraft},
      {"gebiedsverbinder, answered", U({{Role::kAreaLiaison, "schalkwijk"}}), kOne, S::kAnswered, R::kNotDraft},
      {"gebiedsverbinder, closed", U({{Role::kAreaLiaison, "schalkwijk"}}), kOne, S::kClosed, R::kNotDraft},
      {"gebiedsverbinder, withdrawn", U({{Role::kAreaLiaison, "schalkwijk"}}), kOne, S::kWithdrawn, R::kNotDraft},
      {"gebiedsverbinder of one of two stadsdelen, draft", U({{Role::kAreaLiaison, "schalkwijk"}}), kTwo, S::kDraft,
       R::kNotOfficial},
      {"gebiedsverbinder of one of two stadsdelen, open", U({{Role::kAreaLiaison, "schalkwijk"}}), kTwo, S::kOpen,
       R::kNotOfficial},
      {"gebiedsverbinder of both stadsdelen, draft",
       U({{Role::kAreaLiaison, "schalkwijk"}, {Role::kAreaLiaison, "centrum"}}), kTwo, S::kDraft, std::nullopt},
      {"gebiedsverbinder elsewhere, draft", U({{Role::kAreaLiaison, "centrum"}}), kOne, S::kDraft, R::kNotOfficial},
      {"vakspecialist, two platforms, draft", U({{Role::kMunicipalExpert, ""}}), kTwo, S::kDraft, std::nullopt},
      {"administrator, open", U({{Role::kAdministrator, ""}}), kOne, S::kOpen, R::kNotDraft},
      {"administrator, no platform", U({{Role::kAdministrator, ""}}), {}, S::kDraft, R::kNotOfficial},
      {"kernteam, draft", U({{Role::kKernteamMember, "12"}}), kOne, S::kDraft, R::kNotOfficial},
      {"kernteam, open", U({{Role::kKernteamMember, "12"}}), kOne, S::kOpen, R::kNotOfficial},
      {"resident, draft", U({}), kOne, S::kDraft, R::kNotOfficial},
      {"visitor, draft", auth::User{}, kOne, S::kDraft, R::kNotOfficial},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(CheckRequestEdit(row.user, row.platforms, row.status), row.expected) << row.who;
  }
  EXPECT_EQ(RequestEditRefusalKey(R::kNotOfficial), "advice.error.forbidden");
  EXPECT_EQ(RequestEditRefusalKey(R::kNotDraft), "advice.error.request_not_draft");
}

TEST(PermissionsTest, MembersAndTheKernteamReactInAnInputRound) {
  struct Row {
    const char* who;
    auth::User user;
    bool member, may;
  };
  auth::User visitor;  // id 0: not signed in
  const Row kTable[] = {
      {"member", U({}), true, true},
      {"resident, not a member", U({}), false, false},
      {"kernteam of the platform", U({{Role::kKernteamMember, "12"}}), false, true},
      {"kernteam of another platform", U({{Role::kKernteamMember, "13"}}), false, false},
      {"official", U({{Role::kAreaLiaison, "schalkwijk"}}), false, false},
      {"not signed in", visitor, true, false},
  };
  for (const auto& row : kTable) EXPECT_EQ(MayReact(row.user, "12", row.member), row.may) << row.who;
}

TEST(PermissionsTest, ARoundOfADraftIsForTheInvitedOnly) {
  struct Row {
    const char* who;
    std::optional<auth::User> user;
    bool member, about_public, may;
  };
  const Row kTable[] = {
      {"not signed in, draft", std::nullopt, false, false, false},
      {"not signed in, public request", std::nullopt, false, true, true},
      {"resident, draft", U({}), false, false, false},
      {"resident, public", U({}), false, true, true},
      {"member, draft", U({}), true, false, true},
      {"kernteam, draft", U({{Role::kKernteamMember, "12"}}), false, false, true},
      {"kernteam of another platform, draft", U({{Role::kKernteamMember, "13"}}), false, false, false},
      {"official, draft", U({{Role::kAreaLiaison, "schalkwijk"}}), false, false, false},
      {"administrator, draft", U({{Role::kAdministrator, ""}}), false, false, false},
      {"official, public", U({{Role::kAreaLiaison, "schalkwijk"}}), false, true, true},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(MaySeeRound(row.user ? &*row.user : nullptr, "12", row.member, row.about_public), row.may) << row.who;
  }
}

}  // namespace
}  // namespace wp::advice
