#include "features/budgets/permissions.h"

#include <gtest/gtest.h>

#include "features/budgets/edition_directory.h"

namespace wp::budgets {
namespace {

using auth::Role;

TEST(PermissionsTest, RoleByActionTable) {
  Edition e;
  e.borough_slug = "schalkwijk";
  const int64_t kSubmitter = 7;
  auth::User resident{7, "r@x.nl", "R", "nl", {}};
  auth::User other{8, "o@x.nl", "O", "nl", {}};
  auth::User liaison{9, "g@x.nl", "G", "nl", {{Role::kAreaLiaison, "schalkwijk"}}};
  auth::User liaison_elsewhere{10, "h@x.nl", "H", "nl", {{Role::kAreaLiaison, "centrum"}}};
  auth::User expert{11, "e@x.nl", "E", "nl", {{Role::kMunicipalExpert, ""}}};
  auth::User admin{12, "a@x.nl", "A", "nl", {{Role::kAdministrator, ""}}};
  auth::User kernteam{13, "k@x.nl", "K", "nl", {{Role::kKernteamMember, "1"}}};
  struct Row {
    const char* who;
    const auth::User* user;
    bool manage, submit, edit, like, review, progress;
  } rows[] = {
      {"anonymous", nullptr, false, false, false, false, false, false},
      {"submitter", &resident, false, true, true, true, false, true},
      {"other resident", &other, false, true, false, true, false, false},
      {"gebiedsverbinder", &liaison, true, true, false, true, false, true},
      {"gebiedsverbinder elsewhere", &liaison_elsewhere, false, true, false, true, false, false},
      {"expert", &expert, false, true, false, true, true, false},
      {"administrator", &admin, true, true, false, true, true, true},
      {"kernteam member", &kernteam, false, true, false, true, false, false},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(Can(r.user, Action::kManageEdition, e, kSubmitter), r.manage) << r.who;
    EXPECT_EQ(Can(r.user, Action::kSubmitPlan, e, kSubmitter), r.submit) << r.who;
    EXPECT_EQ(Can(r.user, Action::kEditPlan, e, kSubmitter), r.edit) << r.who;
    EXPECT_EQ(Can(r.user, Action::kLike, e, kSubmitter), r.like) << r.who;
    EXPECT_EQ(Can(r.user, Action::kReviewPlan, e, kSubmitter), r.review) << r.who;
    EXPECT_EQ(Can(r.user, Action::kUpdateProgress, e, kSubmitter), r.progress) << r.who;
    if (r.user) {
      EXPECT_EQ(EditionDirectory::CanManage(*r.user, e), r.manage) << r.who;
    }
  }
}

TEST(PermissionsTest, WholeMunicipalityEditionOnlyForAdminsAndUnscopedLiaisons) {
  Edition e;  // borough_slug empty
  auth::User scoped{1, "", "", "nl", {{Role::kAreaLiaison, "schalkwijk"}}};
  auth::User unscoped{2, "", "", "nl", {{Role::kAreaLiaison, ""}}};
  auth::User admin{3, "", "", "nl", {{Role::kAdministrator, ""}}};
  EXPECT_FALSE(IsOfficial(scoped, e.borough_slug));
  EXPECT_TRUE(IsOfficial(unscoped, e.borough_slug));
  EXPECT_TRUE(IsOfficial(admin, e.borough_slug));
}

// A gebiedsverbinder's grant is scoped to a stadsdeel; it still counts as
// holding the role (the "new edition" page was refused to them before).
TEST(PermissionsTest, ScopedGrantHoldsRoleAnywhere) {
  auth::User scoped{1, "", "", "nl", {{Role::kAreaLiaison, "schalkwijk"}}};
  auth::User resident{2, "", "", "nl", {}};
  auth::User admin{3, "", "", "nl", {{Role::kAdministrator, ""}}};
  EXPECT_TRUE(HoldsRoleAnywhere(scoped, Role::kAreaLiaison));
  EXPECT_FALSE(scoped.HasRole(Role::kAreaLiaison));
  EXPECT_FALSE(HoldsRoleAnywhere(resident, Role::kAreaLiaison));
  EXPECT_TRUE(HoldsRoleAnywhere(admin, Role::kAreaLiaison));
  auth::User scoped_expert{4, "", "", "nl", {{Role::kMunicipalExpert, "schalkwijk"}}};
  Edition e;
  EXPECT_TRUE(Can(&scoped_expert, Action::kReviewPlan, e));
}

TEST(PermissionsTest, EditNeedsAKnownSubmitter) {
  Edition e;
  auth::User u{5, "", "", "nl", {}};
  EXPECT_FALSE(Can(&u, Action::kEditPlan, e, 0));
  auth::User nobody{0, "", "", "nl", {}};
  EXPECT_FALSE(Can(&nobody, Action::kEditPlan, e, 0));
}

}  // namespace
}  // namespace wp::budgets
