// Who may do what in the archive, as a table: the platform's own kernteam
// and officials keep it; a council member only follows; nobody else does either.
#include "features/archive/permissions.h"

#include <gtest/gtest.h>

namespace wp::archive {
namespace {

using auth::Role;

struct Row {
  const char* who;
  auth::User user;
  bool keep;    // upload, withdraw, read withdrawn
  bool follow;  // follow platforms
};

TEST(ArchivePermissionsTest, Table) {
  // Platform 7 in stadsdeel schalkwijk.
  const std::vector<Row> rows = {
      {"not signed in", {0, "", "", "nl", {}}, false, false},
      {"resident", {1, "", "", "nl", {}}, false, false},
      {"member of the platform", {2, "", "", "nl", {{Role::kPlatformMember, "7"}}}, false, false},
      {"kernteam of the platform", {3, "", "", "nl", {{Role::kKernteamMember, "7"}}}, true, false},
      {"kernteam of another platform", {4, "", "", "nl", {{Role::kKernteamMember, "8"}}}, false, false},
      {"unscoped kernteam grant", {5, "", "", "nl", {{Role::kKernteamMember, ""}}}, false, false},
      {"gebiedsverbinder of the stadsdeel", {6, "", "", "nl", {{Role::kAreaLiaison, "schalkwijk"}}}, true, false},
      {"gebiedsverbinder elsewhere", {7, "", "", "nl", {{Role::kAreaLiaison, "noord"}}}, false, false},
      {"gebiedsverbinder of all", {8, "", "", "nl", {{Role::kAreaLiaison, ""}}}, true, false},
      {"municipal expert", {9, "", "", "nl", {{Role::kMunicipalExpert, ""}}}, true, false},
      {"municipal staff", {10, "", "", "nl", {{Role::kMunicipalStaff, "afdeling:groen"}}}, true, false},
      {"administrator", {11, "", "", "nl", {{Role::kAdministrator, ""}}}, true, false},
      {"council member", {12, "", "", "nl", {{Role::kCouncilMember, ""}}}, false, true},
      {"print officer", {13, "", "", "nl", {{Role::kPrintOfficer, "x"}}}, false, false},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(Can(r.user, Action::kUpload, "7", "schalkwijk"), r.keep) << r.who;
    EXPECT_EQ(Can(r.user, Action::kWithdraw, "7", "schalkwijk"), r.keep) << r.who;
    EXPECT_EQ(Can(r.user, Action::kReadWithdrawn, "7", "schalkwijk"), r.keep) << r.who;
    EXPECT_EQ(Can(r.user, Action::kFollow, "7", "schalkwijk"), r.follow) << r.who;
  }
}

}  // namespace
}  // namespace wp::archive
