#include "features/signals/deadlines.h"

#include <gtest/gtest.h>

namespace wp::signals {
namespace {

using S = SignalStatus;

// A UTC instant.
int64_t Utc(int y, int mo, int d, int h, int mi = 0) { return time::UnixFromCivil({y, mo, d, h, mi, 0}); }

class DeadlinesTest : public ::testing::Test {
 protected:
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
};

// Clocks in Amsterdam go forward on 29 March 2026 and back on 25 October 2026.
TEST_F(DeadlinesTest, DeadlineIsTheEndOfALocalDayAcrossDaylightSaving) {
  struct Case {
    const char* what;
    int64_t reported;
    int days;
    int64_t want;
  } cases[] = {
      {"Monday 10:00 + 3 days: end of Thursday (CET)", Utc(2026, 3, 2, 9), 3, Utc(2026, 3, 5, 23)},
      {"Friday before spring change: end of Monday is 22:00 UTC", Utc(2026, 3, 27, 9), 3, Utc(2026, 3, 30, 22)},
      {"Friday before autumn change: end of Monday is 23:00 UTC", Utc(2026, 10, 23, 10), 3, Utc(2026, 10, 26, 23)},
      {"23:30 local counts as that day", Utc(2026, 3, 2, 22, 30), 0, Utc(2026, 3, 2, 23)},
      {"00:30 local counts as the new day", Utc(2026, 3, 2, 23, 30), 0, Utc(2026, 3, 3, 23)},
      {"a day across the spring change", Utc(2026, 3, 28, 12), 1, Utc(2026, 3, 29, 22)},
      {"a day across the autumn change", Utc(2026, 10, 24, 12), 1, Utc(2026, 10, 25, 23)},
      {"new year", Utc(2026, 12, 30, 12), 2, Utc(2027, 1, 1, 23)},
  };
  for (const auto& c : cases) EXPECT_EQ(DeadlineAt(zone_, c.reported, c.days), c.want) << c.what;
}

TEST_F(DeadlinesTest, OverdueOnlyWhenOpenAndPastTheDeadline) {
  int64_t deadline = Utc(2026, 3, 5, 23);
  struct Case {
    S status;
    int64_t now;
    bool want;
  } cases[] = {
      {S::kReported, deadline - 1, false},  {S::kReported, deadline, true},       {S::kInProgress, deadline + 99, true},
      {S::kScheduled, deadline + 1, true},  {S::kReopened, deadline + 1, true},   {S::kDone, deadline + 1, false},
      {S::kForwarded, deadline + 1, false}, {S::kCancelled, deadline + 1, false}, {S::kMerged, deadline + 1, false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsOverdue(c.status, deadline, c.now), c.want) << StatusName(c.status);
}

TEST_F(DeadlinesTest, UpdateMomentKeepsTheLocalClockTime) {
  struct Case {
    const char* what;
    int64_t last;
    int days;
    int64_t want;
  } cases[] = {
      {"across the spring change: 6 days 23 hours", Utc(2026, 3, 25, 9), 7, Utc(2026, 4, 1, 8)},
      {"across the autumn change: 7 days 1 hour", Utc(2026, 10, 20, 8), 7, Utc(2026, 10, 27, 9)},
      {"02:30 does not exist on 29 March: 03:30 CEST", Utc(2026, 3, 22, 1, 30), 7, Utc(2026, 3, 29, 1, 30)},
      {"summer, two weeks", Utc(2026, 6, 1, 7, 15), 14, Utc(2026, 6, 15, 7, 15)},
      {"one day", Utc(2026, 1, 10, 16), 1, Utc(2026, 1, 11, 16)},
  };
  for (const auto& c : cases) EXPECT_EQ(NextUpdateAt(zone_, c.last, c.days), c.want) << c.what;
}

TEST_F(DeadlinesTest, UpdateDueOnlyForOpenSignalsAtTheMoment) {
  int64_t at = Utc(2026, 4, 1, 8);
  EXPECT_FALSE(IsUpdateDue(S::kReported, at, at - 1));
  EXPECT_TRUE(IsUpdateDue(S::kReported, at, at));
  EXPECT_TRUE(IsUpdateDue(S::kScheduled, at, at + 3600));
  EXPECT_FALSE(IsUpdateDue(S::kDone, at, at + 3600));
  EXPECT_FALSE(IsUpdateDue(S::kMerged, at, at + 3600));
  EXPECT_FALSE(IsUpdateDue(S::kInProgress, std::nullopt, at));
}

TEST_F(DeadlinesTest, ExpectedByPrefersThePlannedDayThenTheDeadline) {
  int64_t now = Utc(2026, 3, 10, 14);
  int64_t planned = Utc(2026, 4, 9, 22);  // 10 April, 00:00 CEST
  EXPECT_EQ(ExpectedBy(zone_, S::kScheduled, planned, Utc(2026, 3, 5, 23), now, 7), Utc(2026, 4, 10, 22))
      << "the end of the planned day";
  EXPECT_EQ(ExpectedBy(zone_, S::kInProgress, planned, Utc(2026, 3, 12, 23), now, 7), Utc(2026, 3, 12, 23))
      << "planned days count only while scheduled; the deadline lies ahead";
  EXPECT_EQ(ExpectedBy(zone_, S::kInProgress, std::nullopt, Utc(2026, 3, 5, 23), now, 7), Utc(2026, 3, 17, 23))
      << "overdue: a week from today";
  EXPECT_EQ(ExpectedBy(zone_, S::kReported, std::nullopt, now, now, 3), Utc(2026, 3, 13, 23))
      << "a deadline at this very moment is not ahead";
}

TEST_F(DeadlinesTest, ReporterMayReactFor14DaysAfterClosing) {
  int64_t closed = Utc(2026, 10, 20, 14);  // Tuesday 16:00 CEST
  int64_t end = Utc(2026, 11, 3, 23);      // end of Tuesday 3 November, CET
  EXPECT_EQ(ReactionDeadline(zone_, closed), end);
  struct Case {
    S status;
    std::optional<int64_t> closed_at;
    int64_t now;
    bool want;
  } cases[] = {
      {S::kDone, closed, closed, true},        {S::kDone, closed, end - 1, true},
      {S::kDone, closed, end, false},          {S::kCancelled, closed, end - 1, true},
      {S::kForwarded, closed, end - 1, true},  {S::kMerged, closed, closed, false},
      {S::kInProgress, closed, closed, false}, {S::kDone, std::nullopt, closed, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CanReporterReact(zone_, c.status, c.closed_at, c.now), c.want) << StatusName(c.status) << " " << c.now;
  }
}

}  // namespace
}  // namespace wp::signals
