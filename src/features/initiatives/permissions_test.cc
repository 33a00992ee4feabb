#include "features/initiatives/permissions.h"

#include <gtest/gtest.h>

namespace wp::initiatives {
namespace {

using auth::Role;

Initiative InSchalkwijk() {
  Initiative i;
  i.id = 7;
  i.borough_slug = "schalkwijk";
  i.user_id = 10;
  i.contact_user_id = 20;
  return i;
}

auth::User Person(int64_t id, std::vector<auth::RoleGrant> grants = {}) {
  return auth::User{id, "p" + std::to_string(id) + "@example.nl", "P", "nl", std::move(grants)};
}

TEST(PermissionsTest, RelationOfEachKindOfPerson) {
  Initiative i = InSchalkwijk();
  struct Case {
    const char* who;
    std::optional<auth::User> user;
    bool link;
    bool initiator, contact, desk;
    std::vector<std::string> departments;
  } cases[] = {
      {"a visitor", std::nullopt, false, false, false, false, {}},
      {"a visitor with the private link", std::nullopt, true, true, false, false, {}},
      {"the initiator's account", Person(10), false, true, false, false, {}},
      {"another resident", Person(11), false, false, false, false, {}},
      {"the contact person", Person(20, {{Role::kInitiativeDesk, "schalkwijk"}}), false, false, true, true, {}},
      {"desk staff of the stadsdeel",
       Person(21, {{Role::kInitiativeDesk, "schalkwijk"}}),
       false,
       false,
       false,
       true,
       {}},
      {"desk staff everywhere", Person(22, {{Role::kInitiativeDesk, ""}}), false, false, false, true, {}},
      {"desk staff of another stadsdeel",
       Person(23, {{Role::kInitiativeDesk, "noord"}}),
       false,
       false,
       false,
       false,
       {}},
      {"an administrator", Person(24, {{Role::kAdministrator, ""}}), false, false, false, true, {}},
      {"the permits department",
       Person(25, {{Role::kMunicipalExpert, "afdeling:vergunningen"}}),
       false,
       false,
       false,
       false,
       {"vergunningen"}},
      {"an expert of every department",
       Person(26, {{Role::kMunicipalExpert, ""}}),
       false,
       false,
       false,
       false,
       {"vergunningen", "openbare-ruimte", "juridisch", "financien"}},
      {"signal staff are not the desk", Person(27, {{Role::kMunicipalStaff, ""}}), false, false, false, false, {}},
  };
  for (const auto& c : cases) {
    Relation r = RelationOf(c.user, i, c.link);
    EXPECT_EQ(r.initiator, c.initiator) << c.who;
    EXPECT_EQ(r.contact, c.contact) << c.who;
    EXPECT_EQ(r.desk, c.desk) << c.who;
    EXPECT_EQ(r.departments, c.departments) << c.who;
  }
}

TEST(PermissionsTest, WhoMayDoWhat) {
  Relation initiator{true, false, false, {}};
  Relation contact{false, true, false, {}};
  Relation desk{false, false, true, {}};
  Relation permits{false, false, false, {"vergunningen"}};
  Relation nobody;
  struct Case {
    const char* who;
    Relation r;
    bool view, assign, run, task_permits, task_legal, act_as_initiator;
  } cases[] = {
      {"initiator", initiator, false, false, false, false, false, true},
      {"contact", contact, true, false, true, true, true, false},
      {"desk", desk, true, true, true, true, true, false},
      {"permits department", permits, true, false, false, true, false, false},
      {"nobody", nobody, false, false, false, false, false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CanViewCase(c.r), c.view) << c.who;
    EXPECT_EQ(CanAssignContact(c.r), c.assign) << c.who;
    EXPECT_EQ(CanRunCheck(c.r), c.run) << c.who;
    EXPECT_EQ(CanAnswerTask(c.r, "vergunningen"), c.task_permits) << c.who;
    EXPECT_EQ(CanAnswerTask(c.r, "juridisch"), c.task_legal) << c.who;
    EXPECT_EQ(CanActAsInitiator(c.r), c.act_as_initiator) << c.who;
  }
}

TEST(PermissionsTest, ConditionsByOwnerAndStatus) {
  Relation initiator{true, false, false, {}};
  Relation contact{false, true, false, {}};
  Relation permits{false, false, false, {"vergunningen"}};
  using O = ConditionOwner;
  using C = ConditionStatus;
  struct Case {
    const char* what;
    Relation r;
    O owner;
    C to;
    bool want;
  } cases[] = {
      {"initiator meets their own", initiator, O::kInitiator, C::kMet, true},
      {"initiator reopens their own", initiator, O::kInitiator, C::kOpen, true},
      {"initiator cannot waive", initiator, O::kInitiator, C::kWaived, false},
      {"initiator cannot tick the municipality's", initiator, O::kMunicipality, C::kMet, false},
      {"contact meets the municipality's", contact, O::kMunicipality, C::kMet, true},
      {"contact waives the initiator's", contact, O::kInitiator, C::kWaived, true},
      {"a department cannot", permits, O::kMunicipality, C::kMet, false},
  };
  for (const auto& c : cases) EXPECT_EQ(CanChangeCondition(c.r, c.owner, c.to), c.want) << c.what;
}

TEST(PermissionsTest, WhoWorksAtTheDesk) {
  EXPECT_TRUE(WorksAtDesk(Person(1, {{Role::kInitiativeDesk, "noord"}})));
  EXPECT_TRUE(WorksAtDesk(Person(1, {{Role::kAdministrator, ""}})));
  EXPECT_FALSE(WorksAtDesk(Person(1, {{Role::kMunicipalExpert, ""}})));
  EXPECT_FALSE(WorksAtDesk(Person(1)));
}

}  // namespace
}  // namespace wp::initiatives
