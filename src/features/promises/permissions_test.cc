#include "features/promises/permissions.h"

#include <gtest/gtest.h>

namespace wp::promises {
namespace {

using auth::Role;

auth::User U(std::vector<auth::RoleGrant> grants) { return auth::User{7, "x@example.nl", "X", "nl", grants}; }

// For a platform in stadsdeel "schalkwijk": may keep its promises, keeps promises anywhere.
TEST(PermissionsTest, WhoKeepsThePromises) {
  struct Row {
    const char* who;
    auth::User user;
    bool keeps, keeper;
  };
  const Row kTable[] = {
      {"visitor", auth::User{}, false, false},
      {"resident", U({}), false, false},
      {"kernteam of a platform", U({{Role::kKernteamMember, "12"}}), false, false},
      {"gebiedsverbinder of the stadsdeel", U({{Role::kAreaLiaison, "schalkwijk"}}), true, true},
      {"gebiedsverbinder elsewhere", U({{Role::kAreaLiaison, "centrum"}}), false, true},
      {"gebiedsverbinder everywhere", U({{Role::kAreaLiaison, ""}}), true, true},
      {"municipal staff", U({{Role::kMunicipalStaff, ""}}), false, false},
      {"vakspecialist", U({{Role::kMunicipalExpert, ""}}), false, false},
      {"administrator", U({{Role::kAdministrator, ""}}), true, true},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(CanKeep(row.user, "schalkwijk"), row.keeps) << row.who;
    EXPECT_EQ(IsKeeper(row.user), row.keeper) << row.who;
  }
  EXPECT_FALSE(CanKeep(U({{Role::kAreaLiaison, "schalkwijk"}}), "")) << "a platform without a stadsdeel";
}

}  // namespace
}  // namespace wp::promises
