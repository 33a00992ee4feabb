// The working-day clock of an initiative's check, in local dates: a contact
// person within 5 working days of submitting, the answer within six weeks
// (ending on a working day), the working days left that the initiator sees,
// and when a case is escalated to the desk. Holidays and weekends come from
// core/time/working_days.h. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/time/time_zone.h"
#include "core/time/working_days.h"
#include "features/initiatives/status_flow.h"

namespace wp::initiatives {

inline constexpr int kContactWorkingDays = 5;
inline constexpr int kAnswerWeeks = 6;
// A reminder goes to the contact person this many working days before the
// answer is due.
inline constexpr int kReminderWorkingDays = 5;

// The deadlines of a check submitted at `submitted_at` (unix seconds): the
// ends (exclusive local midnights) of the last day for a contact person and
// for the answer.
struct CheckDeadlines {
  int64_t contact_due_at = 0;
  int64_t answer_due_at = 0;
};
CheckDeadlines DeadlinesFor(const time::TimeZone& zone, const time::WorkingDays& days, int64_t submitted_at);

// Working days left until the deadline `due_at` at `now`, today included
// when it is a working day: on Monday with the answer due by the end of
// Friday, 5; on the last day, 1; 0 once it has passed.
int WorkingDaysLeft(const time::TimeZone& zone, const time::WorkingDays& days, int64_t now, int64_t due_at);
// Working days since the deadline passed (the days after the last day, up
// to and including today); 0 before.
int WorkingDaysOverdue(const time::TimeZone& zone, const time::WorkingDays& days, int64_t now, int64_t due_at);

// Why a case is on the desk's escalation list.
enum class Escalation {
  kNone,
  kAnswerSoon,  // the check runs and at most kReminderWorkingDays working days are left
  kNoContact,   // submitted, no contact person, past the 5 working days
  kAnswerLate,  // the check runs past its six weeks
};
// The stable name ("none", "answer_soon", "no_contact", "answer_late").
std::string_view EscalationName(Escalation e);

// The escalation of a case in `status` at `now`; kAnswerLate wins over
// kNoContact, which wins over kAnswerSoon.
Escalation EscalationOf(const time::TimeZone& zone, const time::WorkingDays& days, InitiativeStatus status,
                        const CheckDeadlines& deadlines, int64_t now);

// True when a task deadline `due_at` (the end of its last day, a local
// midnight) is after `now` and not after the check's answer deadline: a
// department's input cannot come after the answer.
bool IsTaskDeadlineValid(int64_t due_at, int64_t now, int64_t answer_due_at);

}  // namespace wp::initiatives
