#include "features/codes/permissions.h"

#include <gtest/gtest.h>

namespace wp::codes {
namespace {

using auth::Role;

TEST(CodesPermissionsTest, RoleByActionTable) {
  budgets::Edition e;
  e.id = 1;
  e.slug = "schalkwijk-2027";
  e.borough_slug = "schalkwijk";
  struct Row {
    const char* who;
    std::optional<auth::User> user;
    bool allowed;   // every action but kDownload
    bool download;  // kDownload
  };
  std::vector<Row> rows = {
      {"anonymous", std::nullopt, false, false},
      {"resident", auth::User{2, "a@x.nl", "A", "nl", {}}, false, false},
      {"kernteam", auth::User{3, "b@x.nl", "B", "nl", {{Role::kKernteamMember, "schalkwijk"}}}, false, false},
      {"expert", auth::User{4, "c@x.nl", "C", "nl", {{Role::kMunicipalExpert, ""}}}, false, false},
      {"liaison other stadsdeel", auth::User{5, "d@x.nl", "D", "nl", {{Role::kAreaLiaison, "centrum"}}}, false, false},
      {"liaison of the stadsdeel", auth::User{6, "e@x.nl", "E", "nl", {{Role::kAreaLiaison, "schalkwijk"}}}, true,
       false},
      {"administrator", auth::User{7, "f@x.nl", "F", "nl", {{Role::kAdministrator, ""}}}, true, false},
      // Issue #11 item 3: print files go to a role apart from the managers.
      {"print officer of the edition", auth::User{8, "g@x.nl", "G", "nl", {{Role::kPrintOfficer, "schalkwijk-2027"}}},
       false, true},
      {"print officer of every edition", auth::User{9, "h@x.nl", "H", "nl", {{Role::kPrintOfficer, ""}}}, false, true},
      {"print officer of another edition", auth::User{10, "i@x.nl", "I", "nl", {{Role::kPrintOfficer, "noord-2027"}}},
       false, false},
  };
  for (const auto& row : rows) {
    for (Action a : kAllActions) {
      EXPECT_EQ(Can(row.user ? &*row.user : nullptr, a, e), a == Action::kDownload ? row.download : row.allowed)
          << row.who << " " << ActionName(a);
    }
  }
}

TEST(CodesPermissionsTest, PhaseTable) {
  using budgets::Phase;
  const Phase kPhases[] = {Phase::kDraft,  Phase::kBeforePlans, Phase::kPlans,         Phase::kLikes,
                           Phase::kReview, Phase::kVoting,      Phase::kImplementation};
  for (Phase p : kPhases) {
    bool closed = p == Phase::kImplementation;
    EXPECT_EQ(PhaseAllows(Action::kImport, p), !closed);
    EXPECT_EQ(PhaseAllows(Action::kGenerate, p), !closed);
    EXPECT_EQ(PhaseAllows(Action::kReissue, p), !closed);
    EXPECT_TRUE(PhaseAllows(Action::kView, p));
    EXPECT_TRUE(PhaseAllows(Action::kErase, p));
    EXPECT_EQ(PhaseAllows(Action::kDownload, p), p < Phase::kVoting) << "files only before voting opens";
    EXPECT_TRUE(PhaseAllows(Action::kDeleteFiles, p));
  }
}

}  // namespace
}  // namespace wp::codes
