#include "features/contracts/permissions.h"

#include <gtest/gtest.h>

#include <string>

namespace wp::contracts {
namespace {

using auth::Role;

auth::User U(std::vector<auth::RoleGrant> grants) { return auth::User{7, "x@example.nl", "X", "nl", grants}; }

// For the platform with scope "12" in stadsdeel "schalkwijk": `sides` is
// platform/municipality, `can` each Action in order (draft, approve, report,
// amend, see overdue), '+' or '.'.
TEST(PermissionsTest, WhoMayDoWhat) {
  struct Row {
    const char* who;
    auth::User user;
    const char* sides;
    const char* can;
    bool official;
  };
  const Row kTable[] = {
      {"visitor", auth::User{}, "..", ".....", false},
      {"resident", U({}), "..", ".....", false},
      {"member", U({{Role::kPlatformMember, "12"}}), "..", ".....", false},
      {"kernteam of the platform", U({{Role::kKernteamMember, "12"}}), "+.", "++++.", false},
      {"kernteam of another platform", U({{Role::kKernteamMember, "13"}}), "..", ".....", false},
      {"unscoped kernteam grant", U({{Role::kKernteamMember, ""}}), "..", ".....", false},
      {"gebiedsverbinder of the stadsdeel", U({{Role::kAreaLiaison, "schalkwijk"}}), ".+", "+++++", true},
      {"gebiedsverbinder elsewhere", U({{Role::kAreaLiaison, "centrum"}}), "..", ".....", true},
      {"gebiedsverbinder everywhere", U({{Role::kAreaLiaison, ""}}), ".+", "+++++", true},
      {"vakspecialist", U({{Role::kMunicipalExpert, ""}}), "..", ".....", false},
      {"administrator", U({{Role::kAdministrator, ""}}), ".+", "+++++", true},
      {"both sides", U({{Role::kAreaLiaison, "schalkwijk"}, {Role::kKernteamMember, "12"}}), "++", "+++++", true},
  };
  const Action kActions[] = {Action::kDraft, Action::kApprove, Action::kReport, Action::kAmend, Action::kSeeOverdue};
  for (const auto& row : kTable) {
    std::string sides;
    sides += IsSide(row.user, Side::kPlatform, "12", "schalkwijk") ? '+' : '.';
    sides += IsSide(row.user, Side::kMunicipality, "12", "schalkwijk") ? '+' : '.';
    EXPECT_EQ(sides, row.sides) << row.who;
    std::string got;
    for (Action a : kActions) got += Can(row.user, a, "12", "schalkwijk") ? '+' : '.';
    EXPECT_EQ(got, row.can) << row.who;
    EXPECT_EQ(IsOfficial(row.user), row.official) << row.who;
  }
}

TEST(PermissionsTest, AnEmptyScopeOrStadsdeelGrantsNothingScoped) {
  EXPECT_FALSE(Can(U({{Role::kAreaLiaison, "schalkwijk"}}), Action::kDraft, "12", ""))
      << "a platform without a stadsdeel has only city-wide officials";
  EXPECT_FALSE(Can(U({{Role::kKernteamMember, "12"}}), Action::kDraft, "", "schalkwijk"));
}

}  // namespace
}  // namespace wp::contracts
