#include "features/advice/deadlines.h"

namespace wp::advice {

int64_t DefaultRequestDeadline(const time::TimeZone& zone, const time::WorkingDays& days, int64_t now) {
  return days.DeadlineAfterWeeks(zone, now, kDefaultAdviceWeeks);
}

int64_t AnswerDueAt(const time::TimeZone& zone, const time::WorkingDays& days, int64_t submitted_at, int answer_weeks) {
  return days.DeadlineAfterWeeks(zone, submitted_at, answer_weeks);
}

bool IsAnswerOverdue(AdviceStatus status, std::optional<int64_t> answer_due_at, int64_t now) {
  return status == AdviceStatus::kSubmitted && answer_due_at && now >= *answer_due_at;
}

bool IsAdviceOverdue(RequestStatus status, int64_t deadline_at, int64_t now) {
  return status == RequestStatus::kOpen && now >= deadline_at;
}

int64_t ReminderAt(const time::TimeZone& zone, const time::WorkingDays& days, int64_t due_at, int n) {
  time::LocalDateTime last = zone.ToLocal(due_at - 1);
  last.hour = last.minute = last.second = 0;
  return zone.StartOfDay(days.AddWorkingDays(last, -n));
}

Reminder DueReminder(const Advice& a, int64_t reminder_at, int64_t now) {
  if (a.status != AdviceStatus::kSubmitted || !a.answer_due_at) return Reminder::kNone;
  if (IsAnswerOverdue(a.status, a.answer_due_at, now)) {
    return a.overdue_sent_at ? Reminder::kNone : Reminder::kOverdue;
  }
  if (now >= reminder_at && !a.reminder_sent_at) return Reminder::kBefore;
  return Reminder::kNone;
}

bool IsNear(int64_t deadline_at, int64_t now) { return now < deadline_at && deadline_at - now < kNearDays * 86400; }

}  // namespace wp::advice
