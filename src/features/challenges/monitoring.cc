#include "features/challenges/monitoring.h"

namespace wp::challenges {

std::string_view ReportStateName(ReportState s) {
  switch (s) {
    case ReportState::kNone: return "none";
    case ReportState::kOnTime: return "on_time";
    case ReportState::kDueSoon: return "due_soon";
    case ReportState::kOverdue: return "overdue";
  }
  return "none";
}

std::string_view ReportMailName(ReportMail m) {
  switch (m) {
    case ReportMail::kNone: return "";
    case ReportMail::kReminder: return "reminder";
    case ReportMail::kOverdue: return "overdue";
  }
  return "";
}

std::optional<int64_t> StartedAt(const std::vector<Decision>& decisions) {
  for (const auto& d : decisions) {
    if (d.moment == Moment::kStart && d.go) return d.at;
  }
  return std::nullopt;
}

ReportSchedule ScheduleReports(Stage stage, std::optional<int64_t> started_at, size_t reports, int64_t now,
                               const ReportRhythm& rhythm) {
  ReportSchedule s;
  if (stage != Stage::kRunning || !started_at || rhythm.interval_days <= 0) return s;
  const int64_t interval = static_cast<int64_t>(rhythm.interval_days) * 86400;
  const int64_t n = static_cast<int64_t>(reports) + 1;  // the report to write next
  s.next_due_at = *started_at + n * interval;
  if (now >= s.next_due_at) {
    s.state = ReportState::kOverdue;
    s.missing = static_cast<int>((now - *started_at) / interval - (n - 1));
  } else if (s.next_due_at - now <= static_cast<int64_t>(rhythm.reminder_days) * 86400) {
    s.state = ReportState::kDueSoon;
  } else {
    s.state = ReportState::kOnTime;
  }
  return s;
}

ReportMail ReportMailDue(const ReportSchedule& schedule, std::optional<int64_t> reminded_due_at,
                         std::optional<int64_t> overdue_due_at) {
  if (schedule.state == ReportState::kOverdue) {
    return overdue_due_at == schedule.next_due_at ? ReportMail::kNone : ReportMail::kOverdue;
  }
  if (schedule.state == ReportState::kDueSoon) {
    return reminded_due_at == schedule.next_due_at ? ReportMail::kNone : ReportMail::kReminder;
  }
  return ReportMail::kNone;
}

}  // namespace wp::challenges
