#include "features/codes/permissions.h"

#include <gtest/gtest.h>

namespace wp::codes {
namespace {

using auth::Role;

TEST(CodesPermissionsTest, RoleByActionTable) {
  budgets::Edition e;
  e.id = 1;
  e.borough_slug = "schalkwijk";
  struct Row {
    const char* who;
    std::optional<auth::User> user;
    bool allowed;
  };
  std::vector<Row> rows = {
      {"anonymous", std::nullopt, false},
      {"resident", auth::User{2, "a@x.nl", "A", "nl", {}}, false},
      {"kernteam", auth::User{3, "b@x.nl", "B", "nl", {{Role::kKernteamMember, "schalkwijk"}}}, false},
      {"expert", auth::User{4, "c@x.nl", "C", "nl", {{Role::kMunicipalExpert, ""}}}, false},
      {"liaison other stadsdeel", auth::User{5, "d@x.nl", "D", "nl", {{Role::kAreaLiaison, "centrum"}}}, false},
      {"liaison of the stadsdeel", auth::User{6, "e@x.nl", "E", "nl", {{Role::kAreaLiaison, "schalkwijk"}}}, true},
      {"administrator", auth::User{7, "f@x.nl", "F", "nl", {{Role::kAdministrator, ""}}}, true},
  };
  for (const auto& row : rows) {
    for (Action a : kAllActions) {
      EXPECT_EQ(Can(row.user ? &*row.user : nullptr, a, e), row.allowed) << row.who << " " << ActionName(a);
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
    EXPECT_TRUE(PhaseAllows(Action::kDownload, p));
    EXPECT_TRUE(PhaseAllows(Action::kDeleteFiles, p));
  }
}

}  // namespace
}  // namespace wp::codes
