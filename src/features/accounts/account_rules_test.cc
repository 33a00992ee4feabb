#include "features/accounts/account_rules.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace wp::accounts {
namespace {

TEST(CheckRegistrationTest, Table) {
  struct Case {
    std::string email;
    std::string name;
    std::string pw;
    std::string repeat;
    std::vector<std::pair<std::string, std::string>> want;
  } cases[] = {
      {"ans@example.nl", "Ans", "zomer in de Haarlemmerhout", "zomer in de Haarlemmerhout", {}},
      {"", "", "", "", {{"email", kMissing}, {"display_name", kMissing}, {"password", kMissing}}},
      {"not-an-email", "Ans", "zomer in de Haarlemmerhout", "zomer in de Haarlemmerhout", {{"email", kBadEmail}}},
      {"a@b.nl",
       "<script>",
       "zomer in de Haarlemmerhout",
       "zomer in de Haarlemmerhout",
       {{"display_name", kBadCharacters}}},
      {"a@b.nl", "Ans", "kort", "kort", {{"password", kPasswordTooShort}}},
      {"a@b.nl", "Ans", "zomer in de Haarlemmerhout", "winter", {{"password_repeat", kPasswordsDiffer}}},
      {"Long@Example.NL",
       std::string(81, 'x'),
       "long@example.nl",
       "long@example.nl",
       {{"display_name", kTooLong}, {"password", kPasswordSameAsEmail}}},
  };
  for (const auto& c : cases) {
    auto got = CheckRegistration(c.email, c.name, c.pw, c.repeat);
    ASSERT_EQ(got.size(), c.want.size()) << c.email << "/" << c.name;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].field, c.want[i].first);
      EXPECT_EQ(got[i].message_key, c.want[i].second);
    }
  }
}

TEST(RateLimitTest, AllowsUpToTheLimit) {
  EXPECT_TRUE(IsAttemptAllowed(kLoginPerAccount, 0));
  EXPECT_TRUE(IsAttemptAllowed(kLoginPerAccount, kLoginPerAccount.max_attempts - 1));
  EXPECT_FALSE(IsAttemptAllowed(kLoginPerAccount, kLoginPerAccount.max_attempts));
}

TEST(PermissionsTest, RoleByActionTable) {
  for (auth::Role role : auth::kAllRoles) {
    auth::User u{1, "u@x.nl", "U", "nl", {{role, ""}}};
    for (AdminAction a :
         {AdminAction::kListUsers, AdminAction::kGrantRole, AdminAction::kRevokeRole, AdminAction::kViewOutbox}) {
      EXPECT_EQ(Can(u, a), role == auth::Role::kAdministrator) << auth::RoleName(role);
    }
  }
  EXPECT_FALSE(Can(auth::User{}, AdminAction::kListUsers));
}

TEST(LoginDelayTest, FreeAtFirstThenDoublingUpToFifteenMinutes) {
  const std::vector<std::pair<int64_t, int64_t>> table = {{0, 0},   {4, 0},   {5, 30},   {6, 60},   {7, 120},
                                                          {8, 240}, {9, 480}, {10, 900}, {11, 900}, {500, 900}};
  for (auto [failures, seconds] : table) EXPECT_EQ(LoginDelaySeconds(failures), seconds) << failures;
}

TEST(SessionIdleLimitTest, OfficialRolesGetTheShortLimit) {
  for (auth::Role role : auth::kAllRoles) {
    auth::User u{1, "u@x.nl", "U", "nl", {{role, ""}}};
    bool official = role != auth::Role::kResident && role != auth::Role::kPlatformMember;
    EXPECT_EQ(SessionIdleLimit(u, 7200, 604800), official ? 7200 : 604800) << auth::RoleName(role);
  }
  EXPECT_EQ(SessionIdleLimit(auth::User{}, 7200, 604800), 604800);
}

TEST(NormaliseEmailTest, TrimsAndLowercases) { EXPECT_EQ(NormaliseEmail("  Ans@Example.NL "), "ans@example.nl"); }

}  // namespace
}  // namespace wp::accounts
