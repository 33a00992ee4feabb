// Table tests of the reporting rhythm: due dates counted from the start,
// early and missed reports, the reminder window and each mail once per due
// date.
#include "features/challenges/monitoring.h"

#include <gtest/gtest.h>

namespace wp::challenges {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1'800'000'000;

TEST(MonitoringTest, TheStartIsTheGoDecisionAtTheStartMoment) {
  EXPECT_EQ(StartedAt({}), std::nullopt);
  std::vector<Decision> decisions = {{Moment::kGate, true, "", 1, "", 10},
                                     {Moment::kBusinessCase, true, "", 1, "", 20},
                                     {Moment::kStart, true, "", 1, "", 30}};
  EXPECT_EQ(StartedAt(decisions), 30);
  decisions.back().go = false;
  EXPECT_EQ(StartedAt(decisions), std::nullopt);
}

TEST(MonitoringTest, ScheduleTable) {
  const ReportRhythm rhythm{91, 14};
  struct Row {
    const char* what;
    Stage stage;
    std::optional<int64_t> started;
    size_t reports;
    int64_t now;
    ReportState state;
    int64_t due;
    int missing;
  };
  const Row rows[] = {
      {"not running", Stage::kAgreement, kStart, 0, kStart + kDay, ReportState::kNone, 0, 0},
      {"stopped", Stage::kStopped, kStart, 0, kStart + 200 * kDay, ReportState::kNone, 0, 0},
      {"running without start decision", Stage::kRunning, std::nullopt, 0, kStart, ReportState::kNone, 0, 0},
      {"just started", Stage::kRunning, kStart, 0, kStart, ReportState::kOnTime, kStart + 91 * kDay, 0},
      {"15 days before", Stage::kRunning, kStart, 0, kStart + 76 * kDay, ReportState::kOnTime, kStart + 91 * kDay, 0},
      {"14 days before", Stage::kRunning, kStart, 0, kStart + 77 * kDay, ReportState::kDueSoon, kStart + 91 * kDay, 0},
      {"one second before", Stage::kRunning, kStart, 0, kStart + 91 * kDay - 1, ReportState::kDueSoon,
       kStart + 91 * kDay, 0},
      {"at the due date", Stage::kRunning, kStart, 0, kStart + 91 * kDay, ReportState::kOverdue, kStart + 91 * kDay, 1},
      {"two periods missed", Stage::kRunning, kStart, 0, kStart + 182 * kDay, ReportState::kOverdue,
       kStart + 91 * kDay, 2},
      {"one written, second due later", Stage::kRunning, kStart, 1, kStart + 100 * kDay, ReportState::kOnTime,
       kStart + 182 * kDay, 0},
      {"written early", Stage::kRunning, kStart, 2, kStart + 10 * kDay, ReportState::kOnTime, kStart + 273 * kDay, 0},
      {"one behind", Stage::kRunning, kStart, 1, kStart + 200 * kDay, ReportState::kOverdue, kStart + 182 * kDay, 1},
  };
  for (const auto& r : rows) {
    ReportSchedule s = ScheduleReports(r.stage, r.started, r.reports, r.now, rhythm);
    EXPECT_EQ(s.state, r.state) << r.what;
    EXPECT_EQ(s.next_due_at, r.due) << r.what;
    EXPECT_EQ(s.missing, r.missing) << r.what;
  }
}

TEST(MonitoringTest, NoReminderWindowMeansOnlyTheOverdueNotice) {
  ReportRhythm rhythm{30, 0};
  EXPECT_EQ(ScheduleReports(Stage::kRunning, kStart, 0, kStart + 30 * kDay - 1, rhythm).state, ReportState::kOnTime);
  EXPECT_EQ(ScheduleReports(Stage::kRunning, kStart, 0, kStart + 30 * kDay, rhythm).state, ReportState::kOverdue);
  EXPECT_EQ(ScheduleReports(Stage::kRunning, kStart, 0, kStart, {0, 14}).state, ReportState::kNone);
}

TEST(MonitoringTest, EachMailOncePerDueDate) {
  const int64_t due = kStart + 91 * kDay;
  ReportSchedule soon{ReportState::kDueSoon, due, 0};
  ReportSchedule late{ReportState::kOverdue, due, 1};
  ReportSchedule fine{ReportState::kOnTime, due, 0};
  EXPECT_EQ(ReportMailDue(fine, std::nullopt, std::nullopt), ReportMail::kNone);
  EXPECT_EQ(ReportMailDue(soon, std::nullopt, std::nullopt), ReportMail::kReminder);
  EXPECT_EQ(ReportMailDue(soon, due, std::nullopt), ReportMail::kNone);
  EXPECT_EQ(ReportMailDue(soon, due - 91 * kDay, std::nullopt), ReportMail::kReminder);  // last period's reminder
  EXPECT_EQ(ReportMailDue(late, due, std::nullopt), ReportMail::kOverdue);
  EXPECT_EQ(ReportMailDue(late, due, due), ReportMail::kNone);
  EXPECT_EQ(ReportMailDue(ReportSchedule{}, std::nullopt, std::nullopt), ReportMail::kNone);
  EXPECT_EQ(ReportMailName(ReportMail::kOverdue), "overdue");
  EXPECT_EQ(ReportStateName(ReportState::kDueSoon), "due_soon");
}

}  // namespace
}  // namespace wp::challenges
