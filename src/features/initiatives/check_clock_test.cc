#include "features/initiatives/check_clock.h"

#include <gtest/gtest.h>

namespace wp::initiatives {
namespace {

using S = InitiativeStatus;

// A UTC instant. Amsterdam is UTC+1 until 29 March 2026, then UTC+2.
int64_t Utc(int y, int mo, int d, int h, int mi = 0) { return time::UnixFromCivil({y, mo, d, h, mi, 0}); }

class CheckClockTest : public ::testing::Test {
 protected:
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  time::WorkingDays days_;
};

// 2026: Good Friday 3 April, Easter Monday 6 April, King's Day 27 April,
// Liberation Day 5 May, Ascension Day 14 May.
TEST_F(CheckClockTest, ContactWithinFiveWorkingDaysAnswerWithinSixWeeks) {
  struct Case {
    const char* what;
    int64_t submitted;
    int64_t contact_due, answer_due;
  } cases[] = {
      {"Monday 2 March: next Monday; Monday 13 April (after the spring change)", Utc(2026, 3, 2, 9),
       Utc(2026, 3, 9, 23), Utc(2026, 4, 13, 22)},
      {"Thursday 26 March: Thursday 2 April; Thursday 7 May", Utc(2026, 3, 26, 10), Utc(2026, 4, 2, 22),
       Utc(2026, 5, 7, 22)},
      {"Tuesday 24 March: six weeks end on 5 May, a holiday, so Wednesday 6 May", Utc(2026, 3, 24, 10),
       Utc(2026, 3, 31, 22), Utc(2026, 5, 6, 22)},
      {"Wednesday 1 April: Easter skipped, Friday 10 April; Wednesday 13 May", Utc(2026, 4, 1, 8), Utc(2026, 4, 10, 22),
       Utc(2026, 5, 13, 22)},
      {"Saturday 7 March counts from Monday: Friday 13 March", Utc(2026, 3, 7, 12), Utc(2026, 3, 13, 23),
       Utc(2026, 4, 20, 22)},
  };
  for (const auto& c : cases) {
    CheckDeadlines d = DeadlinesFor(zone_, days_, c.submitted);
    EXPECT_EQ(d.contact_due_at, c.contact_due) << c.what;
    EXPECT_EQ(d.answer_due_at, c.answer_due) << c.what;
  }
}

TEST_F(CheckClockTest, WorkingDaysLeftAndOverdue) {
  int64_t due = Utc(2026, 3, 13, 23);  // the end of Friday 13 March
  struct Case {
    const char* what;
    int64_t now;
    int left, overdue;
  } cases[] = {
      {"Monday morning: the whole week", Utc(2026, 3, 9, 9), 5, 0},
      {"Saturday before: Monday to Friday", Utc(2026, 3, 7, 12), 5, 0},
      {"Thursday 23:30 local", Utc(2026, 3, 12, 22, 30), 2, 0},
      {"the last day", Utc(2026, 3, 13, 9), 1, 0},
      {"the deadline itself has passed", due, 0, 0},
      {"Saturday after: passed, no working day late yet", Utc(2026, 3, 14, 12), 0, 0},
      {"Monday after: one working day late", Utc(2026, 3, 16, 9), 0, 1},
      {"Wednesday after: three", Utc(2026, 3, 18, 9), 0, 3},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(WorkingDaysLeft(zone_, days_, c.now, due), c.left) << c.what;
    EXPECT_EQ(WorkingDaysOverdue(zone_, days_, c.now, due), c.overdue) << c.what;
  }
}

TEST_F(CheckClockTest, EscalationOfEachState) {
  CheckDeadlines d = DeadlinesFor(zone_, days_, Utc(2026, 3, 2, 9));  // contact 9 March, answer 13 April
  struct Case {
    const char* what;
    S status;
    int64_t now;
    Escalation want;
  } cases[] = {
      {"submitted, within five working days", S::kSubmitted, Utc(2026, 3, 5, 9), Escalation::kNone},
      {"submitted, no contact after five working days", S::kSubmitted, Utc(2026, 3, 10, 9), Escalation::kNoContact},
      {"contact assigned late is not escalated", S::kContactAssigned, Utc(2026, 3, 10, 9), Escalation::kNone},
      {"in check, 7 working days left (Easter)", S::kInCheck, Utc(2026, 4, 1, 9), Escalation::kNone},
      {"in check, 5 working days left", S::kInCheck, Utc(2026, 4, 7, 9), Escalation::kAnswerSoon},
      {"in check, past six weeks", S::kInCheck, Utc(2026, 4, 14, 9), Escalation::kAnswerLate},
      {"submitted past six weeks: late answer wins", S::kSubmitted, Utc(2026, 4, 14, 9), Escalation::kAnswerLate},
      {"answered: the clock stopped", S::kAnswered, Utc(2026, 4, 14, 9), Escalation::kNone},
      {"draft: no clock", S::kDraft, Utc(2026, 4, 14, 9), Escalation::kNone},
      {"withdrawn: no clock", S::kWithdrawn, Utc(2026, 4, 14, 9), Escalation::kNone},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EscalationOf(zone_, days_, c.status, d, c.now), c.want)
        << c.what << ": " << EscalationName(EscalationOf(zone_, days_, c.status, d, c.now));
  }
}

TEST_F(CheckClockTest, ExtraClosingDaysCount) {
  // The municipality is closed on Monday 9 March: the contact is due a day later.
  time::WorkingDays closed({time::LocalDateTime{2026, 3, 9}});
  EXPECT_EQ(DeadlinesFor(zone_, closed, Utc(2026, 3, 2, 9)).contact_due_at, Utc(2026, 3, 10, 23));
  EXPECT_EQ(WorkingDaysLeft(zone_, closed, Utc(2026, 3, 9, 9), Utc(2026, 3, 13, 23)), 4);
}

TEST_F(CheckClockTest, TaskDeadlineBetweenNowAndTheAnswer) {
  int64_t now = Utc(2026, 3, 2, 9);
  int64_t answer = Utc(2026, 4, 13, 22);
  EXPECT_TRUE(IsTaskDeadlineValid(Utc(2026, 3, 2, 23), now, answer)) << "today";
  EXPECT_TRUE(IsTaskDeadlineValid(answer, now, answer)) << "the answer's last day";
  EXPECT_FALSE(IsTaskDeadlineValid(Utc(2026, 3, 1, 23), now, answer)) << "yesterday";
  EXPECT_FALSE(IsTaskDeadlineValid(Utc(2026, 4, 14, 22), now, answer)) << "after the answer";
}

}  // namespace
}  // namespace wp::initiatives
