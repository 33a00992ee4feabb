// The reporting rhythm of a running challenge (monitoring, #18): the n-th
// monitoring report is due n intervals after the start decision (a quarter
// by default), so a group that reports early is ahead and one that skips a
// period is behind. The contact person gets a reminder some days before a
// due date and a notice once it has passed; each mail once per due date.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "features/challenges/challenge.h"

namespace wp::challenges {

inline constexpr int kDefaultReportIntervalDays = 91;
inline constexpr int kDefaultReportReminderDays = 14;

struct ReportRhythm {
  int interval_days = kDefaultReportIntervalDays;  // between two due dates, > 0
  int reminder_days = kDefaultReportReminderDays;  // the reminder goes this many days before a due date, >= 0
};

enum class ReportState {
  kNone,     // not running: no reports expected
  kOnTime,   // the next due date is further away than the reminder days
  kDueSoon,  // the next due date is within the reminder days
  kOverdue,  // a due date has passed without its report
};
// "none", "on_time", "due_soon", "overdue".
std::string_view ReportStateName(ReportState s);

struct ReportSchedule {
  ReportState state = ReportState::kNone;
  int64_t next_due_at = 0;  // the due date of the first report not yet written (0 when kNone)
  int missing = 0;          // due dates passed without their report
};

// The time of the go decision at the start moment, or nullopt when the
// challenge never started.
std::optional<int64_t> StartedAt(const std::vector<Decision>& decisions);

// The schedule of a challenge in `stage` that started at `started_at` and
// has `reports` reports, at `now`.
ReportSchedule ScheduleReports(Stage stage, std::optional<int64_t> started_at, size_t reports, int64_t now,
                               const ReportRhythm& rhythm);

enum class ReportMail { kNone, kReminder, kOverdue };
// "reminder", "overdue" ("" for kNone).
std::string_view ReportMailName(ReportMail m);

// The mail due now for `schedule`, given the due dates for which each kind
// of mail went out last: the overdue notice once per missed due date, else
// the reminder once per due date when it is due soon.
ReportMail ReportMailDue(const ReportSchedule& schedule, std::optional<int64_t> reminded_due_at,
                         std::optional<int64_t> overdue_due_at);

}  // namespace wp::challenges
