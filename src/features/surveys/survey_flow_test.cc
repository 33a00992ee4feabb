// The status flow as a table, and the rule that makes differencing two
// result tables impossible: results exist only once answering has stopped.
#include "features/surveys/survey_flow.h"

#include <gtest/gtest.h>

namespace wp::surveys {
namespace {

TEST(SurveyFlow, Transitions) {
  struct Case {
    Status from;
    Action action;
    std::optional<Status> to;
  };
  const Case cases[] = {
      {Status::kConcept, Action::kOpen, Status::kOpen},        {Status::kOpen, Action::kClose, Status::kClosed},
      {Status::kClosed, Action::kPublish, Status::kPublished}, {Status::kConcept, Action::kClose, std::nullopt},
      {Status::kConcept, Action::kPublish, std::nullopt},      {Status::kOpen, Action::kOpen, std::nullopt},
      {Status::kOpen, Action::kPublish, std::nullopt},         {Status::kClosed, Action::kOpen, std::nullopt},
      {Status::kPublished, Action::kClose, std::nullopt},      {Status::kPublished, Action::kOpen, std::nullopt},
  };
  for (const auto& c : cases) {
    auto next = Next(c.from, c.action);
    if (c.to) {
      ASSERT_TRUE(next.has_value()) << StatusName(c.from);
      EXPECT_EQ(*next, *c.to);
    } else {
      ASSERT_FALSE(next.has_value()) << StatusName(c.from);
      EXPECT_EQ(next.error().user_message_key, "surveys.error.wrong_status");
    }
  }
}

TEST(SurveyFlow, NoResultsWhileAnswersCanStillChange) {
  const Status all[] = {Status::kConcept, Status::kOpen, Status::kClosed, Status::kPublished};
  for (Status s : all) {
    bool answers_change = Allows(s, Action::kAnswer) || Allows(s, Action::kEnterPaper);
    bool results = Allows(s, Action::kSeeResults) || Allows(s, Action::kSeeResultsPublic);
    EXPECT_FALSE(answers_change && results) << StatusName(s);
  }
  EXPECT_TRUE(Allows(Status::kConcept, Action::kEditQuestions));
  EXPECT_FALSE(Allows(Status::kOpen, Action::kEditQuestions));
  EXPECT_FALSE(Allows(Status::kClosed, Action::kSeeResultsPublic));
  EXPECT_TRUE(Allows(Status::kPublished, Action::kSeeResultsPublic));
}

TEST(SurveyFlow, PanelCodesForNewMembersOnlyWhileOpen) {
  const std::pair<Status, bool> cases[] = {
      {Status::kConcept, false}, {Status::kOpen, true}, {Status::kClosed, false}, {Status::kPublished, false}};
  for (const auto& [status, allowed] : cases) {
    EXPECT_EQ(Allows(status, Action::kSendPanelCodes), allowed) << StatusName(status);
  }
}

TEST(SurveyFlow, WhoManages) {
  auth::User resident{1, "a@example.nl", "A", "nl", {}};
  auth::User liaison{2, "b@example.nl", "B", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}};
  auth::User admin{3, "c@example.nl", "C", "nl", {{auth::Role::kAdministrator, ""}}};
  EXPECT_FALSE(CanManage(std::nullopt));
  EXPECT_FALSE(CanManage(resident));
  EXPECT_TRUE(CanManage(liaison));
  EXPECT_TRUE(CanManage(admin));
  for (Mode m : {Mode::kOpen, Mode::kCode, Mode::kPanel}) EXPECT_EQ(ParseMode(ModeName(m)), m);
  for (Status s : {Status::kConcept, Status::kOpen, Status::kClosed, Status::kPublished}) {
    EXPECT_EQ(ParseStatus(StatusName(s)), s);
  }
}

}  // namespace
}  // namespace wp::surveys
