// Tests of the workspace rules: meetings, agendas, items, decisions against
// the budget, who may edit, and which platform area a forum lies in.
#include "features/forums/workspace.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace wp::forums {
namespace {

std::string FirstKey(const Result<void>& r) {
  if (r.has_value()) return "";
  return r.error().fields.empty() ? r.error().user_message_key : r.error().fields.front().message_key;
}

TEST(CheckMeeting, Table) {
  struct Case {
    const char* name;
    MeetingForm form;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"valid", {1795455000, "Buurthuis", "1. Opening", ""}, ""},
      {"no date", {0, "Buurthuis", "1. Opening", ""}, "forums.error.meeting_date"},
      {"no place", {1795455000, " ", "1. Opening", ""}, "forums.error.meeting_place"},
      {"no agenda", {1795455000, "Buurthuis", "", "notulen"}, "forums.error.meeting_agenda"},
      {"place too long", {1795455000, std::string(201, 'x'), "1", ""}, "forums.error.too_long"},
  };
  for (const auto& c : cases) EXPECT_EQ(FirstKey(CheckMeeting(c.form)), c.key) << c.name;
}

TEST(CheckAgenda, Table) {
  EXPECT_EQ(FirstKey(CheckAgenda(2027, 1500000)), "");
  EXPECT_EQ(FirstKey(CheckAgenda(1999, 1500000)), "forums.error.agenda_year");
  EXPECT_EQ(FirstKey(CheckAgenda(2027, std::nullopt)), "forums.error.agenda_budget");
  EXPECT_EQ(FirstKey(CheckAgenda(2027, 0)), "forums.error.agenda_budget");
}

TEST(CheckItem, Table) {
  EXPECT_EQ(FirstKey(CheckItem({0, "Bankjes", "", 250000, ItemStatus::kProposed, ""}, true)), "");
  EXPECT_EQ(FirstKey(CheckItem({0, "", "", 250000, ItemStatus::kProposed, ""}, true)), "forums.error.item_title");
  EXPECT_EQ(FirstKey(CheckItem({0, "Bankjes", "", 0, ItemStatus::kProposed, ""}, false)), "forums.error.item_amount");
  EXPECT_EQ(FirstKey(CheckItem({0, "Bankjes", "", -5, ItemStatus::kProposed, ""}, true)), "forums.error.item_amount");
}

TEST(CheckDecision, TheAdoptedTotalStaysWithinTheBudget) {
  std::vector<AgendaItem> items = {{1, "Bankjes", "", 600000, ItemStatus::kAdopted, "ja"},
                                   {2, "Speeltuin", "", 500000, ItemStatus::kProposed, ""},
                                   {3, "Bomen", "", 300000, ItemStatus::kProposed, ""},
                                   {4, "Feest", "", 200000, ItemStatus::kRejected, "nee"}};
  EXPECT_EQ(AdoptedTotal(items), 600000);
  struct Case {
    const char* name;
    int64_t id;
    ItemStatus decision;
    const char* reason;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"fits exactly", 3, ItemStatus::kAdopted, "goed plan", ""},
      {"over the budget", 2, ItemStatus::kAdopted, "goed plan", "forums.error.over_budget"},
      {"rejecting never goes over", 2, ItemStatus::kRejected, "te duur", ""},
      {"no reason", 3, ItemStatus::kAdopted, " ", "forums.error.decision_reason"},
      {"proposed is no decision", 3, ItemStatus::kProposed, "x", "forums.error.decision_status"},
      {"adopted again is counted once", 1, ItemStatus::kAdopted, "nog steeds", ""},
      {"an earlier rejected item can be adopted when it fits", 4, ItemStatus::kAdopted, "toch", ""},
      {"unknown item", 9, ItemStatus::kAdopted, "x", "forums.error.item_not_found"},
  };
  for (const auto& c : cases) EXPECT_EQ(FirstKey(CheckDecision(items, 900000, c.id, c.decision, c.reason)), c.key)
      << c.name;
  auto over = CheckDecision(items, 900000, 2, ItemStatus::kAdopted, "x");
  ASSERT_FALSE(over.has_value());
  const auto& args = over.error().fields.front().args;
  auto it = std::find_if(args.begin(), args.end(), [](const auto& a) { return a.first == "over"; });
  ASSERT_NE(it, args.end());
  EXPECT_EQ(std::get<Money>(it->second).cents, 200000);
}

TEST(MayEditWorkspace, OrganisersAndCurrentMembersByEmail) {
  auth::User member{7, "Anna@Example.nl", "Anna", "nl", {}};
  auth::User other{8, "piet@example.nl", "Piet", "nl", {}};
  auth::User liaison{9, "gv@haarlem.nl", "GV", "nl", {{auth::Role::kAreaLiaison, "zuidwest"}}};
  auth::User anonymous{};
  std::vector<std::string> emails = {"anna@example.nl"};
  EXPECT_TRUE(MayEditWorkspace(member, "zuidwest", emails));
  EXPECT_FALSE(MayEditWorkspace(other, "zuidwest", emails));
  EXPECT_TRUE(MayEditWorkspace(liaison, "zuidwest", emails));
  EXPECT_FALSE(MayEditWorkspace(liaison, "centrum", emails));
  EXPECT_FALSE(MayEditWorkspace(anonymous, "zuidwest", {""}));
}

TEST(ForumInArea, Table) {
  EXPECT_TRUE(ForumInArea("WK039203", {"BU03920301", "BU03920401"}));
  EXPECT_FALSE(ForumInArea("WK039203", {"BU03920401"}));
  EXPECT_FALSE(ForumInArea("WK039203", {}));
  EXPECT_FALSE(ForumInArea("", {"BU03920301"}));
}

}  // namespace
}  // namespace wp::forums
