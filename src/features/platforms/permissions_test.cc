#include "features/platforms/permissions.h"

#include <gtest/gtest.h>

#include <map>

#include "features/platforms/test_users.h"

namespace wp::platforms {
namespace {

using A = Action;
using test_actors::Actor;
using test_actors::kAllActors;
using test_actors::MakeUser;

Platform ThePlatform(PlatformStatus status) {
  Platform p;
  p.id = test_actors::kPlatformId;
  p.name = "Wijkplatform Boerhaavewijk";
  p.borough_slug = test_actors::kBorough;
  p.status = status;
  return p;
}

// Role x action for a recognised platform. Columns in kAllActors order:
// anonymous, resident, platform member, kernteam this, kernteam other,
// gebiedsverbinder this, gebiedsverbinder other, municipal expert, administrator.
const std::map<Action, std::vector<bool>>& RecognisedTable() {
  static const std::map<Action, std::vector<bool>> table = {
      {A::kEditPlatformPage, {0, 0, 0, 1, 0, 0, 0, 0, 1}},  {A::kManageWorkingGroups, {0, 0, 0, 1, 0, 0, 0, 0, 1}},
      {A::kManageOfficeHours, {0, 0, 0, 1, 0, 0, 0, 0, 1}}, {A::kManageKernteam, {0, 0, 0, 1, 0, 0, 0, 0, 1}},
      {A::kCreateEvent, {0, 0, 0, 1, 0, 0, 0, 0, 1}},       {A::kPublishEvent, {0, 0, 0, 1, 0, 0, 0, 0, 1}},
      {A::kWriteNews, {0, 0, 0, 1, 0, 0, 0, 0, 1}},         {A::kSendNewsletter, {0, 0, 0, 1, 0, 0, 0, 0, 0}},
      {A::kApplyForSubsidy, {0, 0, 0, 1, 0, 0, 0, 0, 0}},   {A::kReviewRecognition, {0, 0, 0, 0, 0, 1, 0, 0, 1}},
      {A::kGrantSubsidy, {0, 0, 0, 0, 0, 1, 0, 0, 1}},
  };
  return table;
}

TEST(CanTest, EveryRoleTimesEveryActionOnARecognisedPlatform) {
  ASSERT_EQ(RecognisedTable().size(), std::size(kAllActions));
  const Platform p = ThePlatform(PlatformStatus::kRecognised);
  for (Action action : kAllActions) {
    const auto& row = RecognisedTable().at(action);
    ASSERT_EQ(row.size(), std::size(kAllActors));
    for (size_t i = 0; i < row.size(); ++i) {
      EXPECT_EQ(Can(MakeUser(kAllActors[i]), action, p), row[i])
          << ActionName(action) << " by " << test_actors::ActorLabel(kAllActors[i]);
    }
  }
}

// The kernteam's rights depend on the platform's status; the municipality's do not.
TEST(CanTest, StatusTable) {
  using S = PlatformStatus;
  struct Case {
    S status;
    bool kernteam_runs_platform;  // page, werkgroepen, events, news, newsletter
    bool kernteam_applies;        // subsidy
  } cases[] = {
      {S::kSubmitted, true, false}, {S::kInFormation, true, true}, {S::kRecognised, true, true},
      {S::kEnded, false, false},    {S::kWithdrawn, false, false}, {S::kRefused, false, false},
  };
  const auth::User kernteam = MakeUser(Actor::kKernteamThis);
  const auth::User liaison = MakeUser(Actor::kAreaLiaisonThis);
  const auth::User admin = MakeUser(Actor::kAdministrator);
  for (const auto& c : cases) {
    const Platform p = ThePlatform(c.status);
    for (Action action : kAllActions) {
      bool want = false;
      if (action == A::kApplyForSubsidy) {
        want = c.kernteam_applies;
      } else if (action != A::kReviewRecognition && action != A::kGrantSubsidy) {
        want = c.kernteam_runs_platform;
      }
      EXPECT_EQ(Can(kernteam, action, p), want) << PlatformStatusName(c.status) << " " << ActionName(action);
      // The administrator moderates and decides whatever the status.
      EXPECT_EQ(Can(admin, action, p), RecognisedTable().at(action)[8])
          << PlatformStatusName(c.status) << " " << ActionName(action);
      bool municipal = action == A::kReviewRecognition || action == A::kGrantSubsidy;
      EXPECT_EQ(Can(liaison, action, p), municipal) << PlatformStatusName(c.status) << " " << ActionName(action);
    }
  }
}

TEST(CanTest, UnscopedGrantsCoverEveryPlatformAndStadsdeel) {
  const Platform p = ThePlatform(PlatformStatus::kRecognised);
  auth::User kernteam_everywhere{5, "k@example.nl", "K", "nl", {{auth::Role::kKernteamMember, ""}}};
  auth::User liaison_everywhere{6, "g@haarlem.nl", "G", "nl", {{auth::Role::kAreaLiaison, ""}}};
  EXPECT_TRUE(Can(kernteam_everywhere, A::kWriteNews, p));
  EXPECT_TRUE(Can(liaison_everywhere, A::kGrantSubsidy, p));
}

TEST(CanTest, PlatformWithoutIdOrBorough) {
  Platform unsaved = ThePlatform(PlatformStatus::kSubmitted);
  unsaved.id = 0;
  unsaved.borough_slug.clear();
  auth::User kernteam_everywhere{5, "k@example.nl", "K", "nl", {{auth::Role::kKernteamMember, ""}}};
  EXPECT_FALSE(Can(kernteam_everywhere, A::kEditPlatformPage, unsaved));
  EXPECT_FALSE(Can(MakeUser(Actor::kAreaLiaisonThis), A::kReviewRecognition, unsaved));
  EXPECT_TRUE(Can(MakeUser(Actor::kAdministrator), A::kReviewRecognition, unsaved));
}

TEST(CanTest, GrantWithoutAccountIdIsAnonymous) {
  auth::User ghost{0, "", "", "nl", {{auth::Role::kAdministrator, ""}}};
  for (Action action : kAllActions) EXPECT_FALSE(Can(ghost, action, ThePlatform(PlatformStatus::kRecognised)));
}

TEST(CanSeeMunicipalOverviewTest, EveryRole) {
  // Columns in kAllActors order, as in RecognisedTable.
  const std::vector<bool> want = {0, 0, 0, 0, 0, 1, 1, 1, 1};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(CanSeeMunicipalOverview(MakeUser(kAllActors[i])), want[i]) << test_actors::ActorLabel(kAllActors[i]);
  }
  auth::User ghost{0, "", "", "nl", {{auth::Role::kAdministrator, ""}}};
  EXPECT_FALSE(CanSeeMunicipalOverview(ghost));
}

TEST(ActionNameTest, Distinct) {
  std::set<std::string_view> names;
  for (Action a : kAllActions) names.insert(ActionName(a));
  EXPECT_EQ(names.size(), std::size(kAllActions));
}

}  // namespace
}  // namespace wp::platforms
