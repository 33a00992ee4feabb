#include "features/challenges/permissions.h"

#include <gtest/gtest.h>

#include <string>

namespace wp::challenges {
namespace {

using auth::Role;

auth::User U(int64_t id, std::vector<auth::RoleGrant> grants) {
  return auth::User{id, "x@example.nl", "X", "nl", grants};
}

// A challenge in stadsdeel "schalkwijk" whose contact is account 7: each row
// gives, in Action order (submit, check, decide, business case, report), '+' or '.'.
TEST(PermissionsTest, WhoMayDoWhat) {
  Challenge c;
  c.borough = "schalkwijk";
  c.contact_user_id = 7;
  struct Row {
    const char* who;
    auth::User user;
    const char* can;
    bool official;
  };
  const Row kTable[] = {
      {"visitor", auth::User{}, ".....", false},
      {"resident", U(5, {}), "+....", false},
      {"the contact", U(7, {}), "+..++", false},
      {"gebiedsverbinder of the stadsdeel", U(5, {{Role::kAreaLiaison, "schalkwijk"}}), "++++.", true},
      {"gebiedsverbinder elsewhere", U(5, {{Role::kAreaLiaison, "centrum"}}), "+....", true},
      {"gebiedsverbinder everywhere", U(5, {{Role::kAreaLiaison, ""}}), "++++.", true},
      {"vakspecialist", U(5, {{Role::kMunicipalExpert, "afdeling:groen"}}), "++++.", true},
      {"administrator", U(5, {{Role::kAdministrator, ""}}), "++++.", true},
      {"official who is the contact", U(7, {{Role::kAreaLiaison, "schalkwijk"}}), "+..++", true},
      {"kernteam", U(5, {{Role::kKernteamMember, "12"}}), "+....", false},
  };
  const Action kActions[] = {Action::kSubmit, Action::kCheck, Action::kDecide, Action::kWriteBusinessCase,
                             Action::kReport};
  for (const auto& row : kTable) {
    std::string got;
    for (Action a : kActions) got += Can(row.user, a, c) ? '+' : '.';
    EXPECT_EQ(got, row.can) << row.who;
    EXPECT_EQ(IsOfficial(row.user), row.official) << row.who;
  }
}

}  // namespace
}  // namespace wp::challenges
