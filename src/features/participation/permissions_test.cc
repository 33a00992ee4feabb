#include "features/participation/permissions.h"

#include <gtest/gtest.h>

namespace wp::participation {
namespace {

using auth::Role;

auth::User U(std::vector<auth::RoleGrant> grants) { return auth::User{7, "x@example.nl", "X", "nl", grants}; }

TEST(PermissionsTest, WhoManagesProjects) {
  const std::set<std::string> kSchalkwijk = {"schalkwijk"};
  const std::set<std::string> kTwo = {"oost", "schalkwijk"};
  struct Row {
    const char* who;
    auth::User user;
    bool manager, in_schalkwijk, in_two, subscribes_12;
  };
  const Row kTable[] = {
      {"visitor", auth::User{}, false, false, false, false},
      {"resident", U({}), false, false, false, false},
      {"kernteam of platform 12", U({{Role::kKernteamMember, "12"}}), false, false, false, true},
      {"kernteam of platform 120", U({{Role::kKernteamMember, "120"}}), false, false, false, false},
      {"unscoped kernteam grant", U({{Role::kKernteamMember, ""}}), false, false, false, false},
      {"gebiedsverbinder of the stadsdeel", U({{Role::kAreaLiaison, "schalkwijk"}}), true, true, false, false},
      {"gebiedsverbinder of both", U({{Role::kAreaLiaison, "schalkwijk"}, {Role::kAreaLiaison, "oost"}}), true, true,
       true, false},
      {"gebiedsverbinder elsewhere", U({{Role::kAreaLiaison, "centrum"}}), true, false, false, false},
      {"gebiedsverbinder everywhere", U({{Role::kAreaLiaison, ""}}), true, true, true, false},
      {"municipal staff", U({{Role::kMunicipalStaff, "openbare-ruimte"}}), true, true, true, false},
      {"vakspecialist", U({{Role::kMunicipalExpert, ""}}), true, true, true, false},
      {"initiative desk", U({{Role::kInitiativeDesk, "schalkwijk"}}), false, false, false, false},
      {"administrator", U({{Role::kAdministrator, ""}}), true, true, true, false},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(IsManager(row.user), row.manager) << row.who;
    EXPECT_EQ(CanManage(row.user, kSchalkwijk), row.in_schalkwijk) << row.who;
    EXPECT_EQ(CanManage(row.user, kTwo), row.in_two) << row.who;
    EXPECT_EQ(CanSubscribe(row.user, "12"), row.subscribes_12) << row.who;
  }
  EXPECT_FALSE(CanManage(U({{Role::kAreaLiaison, "schalkwijk"}}), {})) << "no known stadsdeel";
  EXPECT_TRUE(CanManage(U({{Role::kAdministrator, ""}}), {}));
  EXPECT_FALSE(CanSubscribe(U({{Role::kKernteamMember, ""}}), "")) << "no platform";
}

}  // namespace
}  // namespace wp::participation
