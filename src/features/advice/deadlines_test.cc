#include "features/advice/deadlines.h"

#include <gtest/gtest.h>

namespace wp::advice {
namespace {

class DeadlinesTest : public ::testing::Test {
 protected:
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  time::WorkingDays days_;
};

TEST_F(DeadlinesTest, TheDefaultDeadlineIsSixWeeksOnAWorkingDayInLocalTime) {
  struct Row {
    const char* what;
    int64_t now, expected;
  };
  const Row kTable[] = {
      // Monday 23 November 2026 17:30 UTC: six weeks is Monday 4 January 2027, due by its end (23:00 UTC).
      {"plain", 1795455000, 1799103600},
      // Friday 13 November 2026: six weeks is Christmas; Boxing Day is a Saturday: Monday 28 December.
      {"christmas", 1794571200, 1798498800},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(DefaultRequestDeadline(zone_, days_, row.now), row.expected) << row.what;
    EXPECT_EQ(AnswerDueAt(zone_, days_, row.now, kDefaultAnswerWeeks), row.expected) << row.what;
  }
  // The set time after an advice is the caller's: two weeks after 23 November is Monday 7 December.
  EXPECT_EQ(AnswerDueAt(zone_, days_, 1795455000, 2), 1796684400);
}

TEST_F(DeadlinesTest, OverdueOnlyWhileStillWaiting) {
  const int64_t due = 1799103600;
  struct Row {
    AdviceStatus status;
    std::optional<int64_t> due_at;
    int64_t now;
    bool overdue;
  };
  const Row kTable[] = {
      {AdviceStatus::kSubmitted, due, due - 1, false},      {AdviceStatus::kSubmitted, due, due, true},
      {AdviceStatus::kAnswered, due, due + 100, false},     {AdviceStatus::kDraft, std::nullopt, due + 100, false},
      {AdviceStatus::kSubmitted, std::nullopt, due, false},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(IsAnswerOverdue(row.status, row.due_at, row.now), row.overdue) << AdviceStatusName(row.status);
  }
  EXPECT_TRUE(IsAdviceOverdue(RequestStatus::kOpen, due, due));
  EXPECT_FALSE(IsAdviceOverdue(RequestStatus::kOpen, due, due - 1));
  EXPECT_FALSE(IsAdviceOverdue(RequestStatus::kAdviceSubmitted, due, due + 1));
  EXPECT_FALSE(IsAdviceOverdue(RequestStatus::kWithdrawn, due, due + 1));
}

TEST_F(DeadlinesTest, NearIsLessThanAWeekAhead) {
  const int64_t due = 1799103600;
  EXPECT_TRUE(IsNear(due, due - 1));
  EXPECT_TRUE(IsNear(due, due - kNearDays * 86400 + 1));
  EXPECT_FALSE(IsNear(due, due - kNearDays * 86400));
  EXPECT_FALSE(IsNear(due, due)) << "past is overdue, not near";
}

TEST_F(DeadlinesTest, TheReminderComesFiveWorkingDaysBeforeTheLastDay) {
  struct Row {
    const char* what;
    int64_t due_at;
    int n;
    int64_t expected;
  };
  const Row kTable[] = {
      // Due by the end of Monday 7 December 2026: five working days back is Monday 30 November, 00:00 in Haarlem.
      {"plain week", 1796684400, 5, 1795993200},
      // Due by the end of Monday 4 January 2027: New Year, the weekend and Christmas are skipped: Thursday 24 December.
      {"over the holidays", 1799103600, 5, 1798066800},
      // No working days: the start of the last day itself.
      {"same day", 1796684400, 0, 1796598000},
  };
  for (const auto& row : kTable) EXPECT_EQ(ReminderAt(zone_, days_, row.due_at, row.n), row.expected) << row.what;
}

TEST_F(DeadlinesTest, EachReminderIsDueOnceAndOnlyWhileWaiting) {
  const int64_t due = 1796684400, remind = 1795993200;
  Advice waiting;
  waiting.status = AdviceStatus::kSubmitted;
  waiting.answer_due_at = due;
  Advice reminded = waiting;
  reminded.reminder_sent_at = remind;
  Advice both = reminded;
  both.overdue_sent_at = due;
  Advice answered = waiting;
  answered.status = AdviceStatus::kAnswered;
  struct Row {
    const char* what;
    const Advice& advice;
    int64_t now;
    Reminder expected;
  };
  const Row kTable[] = {
      {"too early", waiting, remind - 1, Reminder::kNone},
      {"reminder day", waiting, remind, Reminder::kBefore},
      {"reminder sent", reminded, remind + 10, Reminder::kNone},
      {"overdue", reminded, due, Reminder::kOverdue},
      {"overdue, never reminded", waiting, due + 5, Reminder::kOverdue},
      {"overdue sent", both, due + 86400, Reminder::kNone},
      {"answered", answered, due + 86400, Reminder::kNone},
  };
  for (const auto& row : kTable) EXPECT_EQ(DueReminder(row.advice, remind, row.now), row.expected) << row.what;
}

}  // namespace
}  // namespace wp::advice
