#include "features/opinion/permissions.h"

#include <gtest/gtest.h>

namespace wp::opinion {
namespace {

using auth::Role;

auth::User U(std::vector<auth::RoleGrant> grants) { return {7, "x@example.nl", "X", "nl", std::move(grants)}; }

TEST(OpinionPermissionsTest, OfficialsAndTheAreasKernteam) {
  struct Case {
    auth::User user;
    bool organiser, here;
  } cases[] = {
      {U({}), false, false},
      {U({{Role::kAdministrator, ""}}), true, true},
      {U({{Role::kMunicipalExpert, ""}}), true, true},
      {U({{Role::kAreaLiaison, "schalkwijk"}}), true, true},
      {U({{Role::kAreaLiaison, "centrum"}}), true, false},
      {U({{Role::kKernteamMember, "4"}}), true, true},
      {U({{Role::kKernteamMember, "5"}}), true, false},
      {U({{Role::kPlatformMember, "4"}}), false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsOrganiser(c.user), c.organiser) << c.user.grants.size();
    EXPECT_EQ(CanOrganise(c.user, "schalkwijk", {"3", "4"}), c.here) << c.user.grants.size();
  }
  auth::User anonymous = U({{Role::kAdministrator, ""}});
  anonymous.id = 0;
  EXPECT_FALSE(CanOrganise(anonymous, "schalkwijk", {}));
}

}  // namespace
}  // namespace wp::opinion
