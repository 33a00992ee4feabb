#include "features/signals/permissions.h"

#include <gtest/gtest.h>

namespace wp::signals {
namespace {

using auth::Role;

auth::User With(std::vector<auth::RoleGrant> grants) { return auth::User{5, "u@x.nl", "U", "nl", std::move(grants)}; }

TEST(StaffScopeTest, ParsesEveryForm) {
  struct Case {
    const char* text;
    std::optional<StaffScope> want;
  } cases[] = {
      {"", StaffScope{}},
      {"afdeling:wegen", StaffScope{"wegen", ""}},
      {"schalkwijk", StaffScope{"", "schalkwijk"}},
      {"afdeling:wegen/schalkwijk", StaffScope{"wegen", "schalkwijk"}},
      {"afdeling:", std::nullopt},
      {"afdeling:wegen/", std::nullopt},
      {"afdeling:/noord", std::nullopt},
      {"noord/zuid", std::nullopt},
      {"stadsdeel:noord", std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ParseStaffScope(c.text), c.want) << c.text;
    if (c.want) {
      EXPECT_EQ(StaffScopeText(*c.want), c.text);
    }
  }
}

// Who may handle a signal of department "wegen" in stadsdeel "schalkwijk".
TEST(PermissionsTest, HandlingTable) {
  struct Case {
    const char* who;
    auth::User user;
    bool handle, queue, categories;
  } cases[] = {
      {"visitor", auth::User{}, false, false, false},
      {"resident", With({}), false, false, false},
      {"staff everywhere", With({{Role::kMunicipalStaff, ""}}), true, true, false},
      {"staff of the department", With({{Role::kMunicipalStaff, "afdeling:wegen"}}), true, true, false},
      {"staff of another department", With({{Role::kMunicipalStaff, "afdeling:groen"}}), false, true, false},
      {"staff of the stadsdeel", With({{Role::kMunicipalStaff, "schalkwijk"}}), true, true, false},
      {"staff of another stadsdeel", With({{Role::kMunicipalStaff, "noord"}}), false, true, false},
      {"staff of both", With({{Role::kMunicipalStaff, "afdeling:wegen/schalkwijk"}}), true, true, false},
      {"department elsewhere", With({{Role::kMunicipalStaff, "afdeling:wegen/noord"}}), false, true, false},
      {"malformed scope", With({{Role::kMunicipalStaff, "afdeling:"}}), false, false, false},
      {"gebiedsverbinder", With({{Role::kAreaLiaison, "schalkwijk"}}), false, false, false},
      {"kernteam", With({{Role::kKernteamMember, "7"}}), false, false, false},
      {"expert", With({{Role::kMunicipalExpert, ""}}), false, false, false},
      {"administrator", With({{Role::kAdministrator, ""}}), true, true, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CanHandle(c.user, "wegen", "schalkwijk"), c.handle) << c.who;
    EXPECT_EQ(CanUseWorkQueue(c.user), c.queue) << c.who;
    EXPECT_EQ(CanManageCategories(c.user), c.categories) << c.who;
  }
}

// Trends of platform 7 in stadsdeel "schalkwijk", and reporting for it.
TEST(PermissionsTest, PlatformTable) {
  struct Case {
    const char* who;
    auth::User user;
    bool trends, report_for_platform;
  } cases[] = {
      {"visitor", auth::User{}, false, false},
      {"resident", With({}), false, false},
      {"platform member", With({{Role::kPlatformMember, "7"}}), false, false},
      {"kernteam of the platform", With({{Role::kKernteamMember, "7"}}), true, true},
      {"kernteam of another platform", With({{Role::kKernteamMember, "8"}}), false, false},
      {"gebiedsverbinder of the stadsdeel", With({{Role::kAreaLiaison, "schalkwijk"}}), true, false},
      {"gebiedsverbinder elsewhere", With({{Role::kAreaLiaison, "noord"}}), false, false},
      {"staff", With({{Role::kMunicipalStaff, "afdeling:groen"}}), true, false},
      {"administrator", With({{Role::kAdministrator, ""}}), true, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CanViewTrends(c.user, "7", "schalkwijk"), c.trends) << c.who;
    EXPECT_EQ(CanReportForPlatform(c.user, "7"), c.report_for_platform) << c.who;
  }
  EXPECT_FALSE(CanReportForPlatform(With({{Role::kKernteamMember, ""}}), "")) << "no platform, no proxy report";
}

TEST(PermissionsTest, HandlingScopesListEveryValidStaffGrant) {
  auto u = With({{Role::kMunicipalStaff, "afdeling:wegen"},
                 {Role::kMunicipalStaff, "noord"},
                 {Role::kMunicipalStaff, "x/y"},
                 {Role::kAreaLiaison, "noord"}});
  EXPECT_EQ(HandlingScopes(u), (std::vector<StaffScope>{{"wegen", ""}, {"", "noord"}}));
  EXPECT_EQ(HandlingScopes(With({{Role::kAdministrator, ""}})), (std::vector<StaffScope>{StaffScope{}}));
}

}  // namespace
}  // namespace wp::signals
