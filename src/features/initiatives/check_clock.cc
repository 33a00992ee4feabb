#include "features/initiatives/check_clock.h"

namespace wp::initiatives {

namespace {

// The local date of the last day of a deadline that ends at `due_at`.
time::LocalDateTime LastDay(const time::TimeZone& zone, int64_t due_at) {
  return time::AddDays(zone.ToLocal(due_at), -1);
}

time::LocalDateTime Today(const time::TimeZone& zone, int64_t now) {
  time::LocalDateTime t = zone.ToLocal(now);
  return {t.year, t.month, t.day};
}

}  // namespace

CheckDeadlines DeadlinesFor(const time::TimeZone& zone, const time::WorkingDays& days, int64_t submitted_at) {
  return {days.DeadlineAfter(zone, submitted_at, kContactWorkingDays),
          days.DeadlineAfterWeeks(zone, submitted_at, kAnswerWeeks)};
}

int WorkingDaysLeft(const time::TimeZone& zone, const time::WorkingDays& days, int64_t now, int64_t due_at) {
  if (now >= due_at) return 0;
  time::LocalDateTime today = Today(zone, now);
  // Between counts the days after `from`: start from yesterday to count today.
  return days.Between(time::AddDays(today, -1), LastDay(zone, due_at));
}

int WorkingDaysOverdue(const time::TimeZone& zone, const time::WorkingDays& days, int64_t now, int64_t due_at) {
  if (now < due_at) return 0;
  return days.Between(LastDay(zone, due_at), Today(zone, now));
}

std::string_view EscalationName(Escalation e) {
  switch (e) {
    case Escalation::kNone:
      return "none";
    case Escalation::kAnswerSoon:
      return "answer_soon";
    case Escalation::kNoContact:
      return "no_contact";
    case Escalation::kAnswerLate:
      return "answer_late";
  }
  return "none";
}

Escalation EscalationOf(const time::TimeZone& zone, const time::WorkingDays& days, InitiativeStatus status,
                        const CheckDeadlines& deadlines, int64_t now) {
  if (!IsCheckRunning(status)) return Escalation::kNone;
  if (now >= deadlines.answer_due_at) return Escalation::kAnswerLate;
  if (status == InitiativeStatus::kSubmitted && now >= deadlines.contact_due_at) return Escalation::kNoContact;
  if (WorkingDaysLeft(zone, days, now, deadlines.answer_due_at) <= kReminderWorkingDays) {
    return Escalation::kAnswerSoon;
  }
  return Escalation::kNone;
}

bool IsTaskDeadlineValid(int64_t due_at, int64_t now, int64_t answer_due_at) {
  return due_at > now && due_at <= answer_due_at;
}

}  // namespace wp::initiatives
