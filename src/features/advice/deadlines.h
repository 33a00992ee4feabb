// The time rules of advice, in the municipality's local time and working
// days (core/time/working_days.h): the default deadline of a request (six
// weeks, ending on a working day), the date the answer to an advice is due,
// and when a request or an answer is overdue. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "core/time/time_zone.h"
#include "core/time/working_days.h"
#include "features/advice/advice.h"

namespace wp::advice {

// Weeks a platform gets for its advice when the official sets no date.
inline constexpr int kDefaultAdviceWeeks = 6;
// Weeks the municipality gets to answer an advice (AdviceOptions may change it).
inline constexpr int kDefaultAnswerWeeks = 6;
// Days before a deadline at which lists call it near.
inline constexpr int kNearDays = 7;

// The default deadline of a request made at `now`: the end of the local day
// six weeks later, moved to the next working day when that is not one.
int64_t DefaultRequestDeadline(const time::TimeZone& zone, const time::WorkingDays& days, int64_t now);

// When the answer to an advice submitted at `submitted_at` is due: the end
// of the local day `answer_weeks` weeks later, on a working day.
// REQUIRES: answer_weeks >= 1.
int64_t AnswerDueAt(const time::TimeZone& zone, const time::WorkingDays& days, int64_t submitted_at, int answer_weeks);

// True when a submitted advice is not answered by its due date at `now`.
bool IsAnswerOverdue(AdviceStatus status, std::optional<int64_t> answer_due_at, int64_t now);

// True when a request still waits for advice at `now` after its deadline
// (open: no platform gave advice in time).
bool IsAdviceOverdue(RequestStatus status, int64_t deadline_at, int64_t now);

// True when a deadline still ahead is less than kNearDays away.
bool IsNear(int64_t deadline_at, int64_t now);

// Working days before the last day of an answer term at which the official
// is reminded (AdviceSettings may change it).
inline constexpr int kDefaultReminderWorkingDays = 5;

// The start of the local day `n` working days before the last day of a term
// ending at `due_at` (exclusive, a local midnight): with n = 5 and a term
// ending on a Friday without holidays, the Friday before. REQUIRES: n >= 0.
int64_t ReminderAt(const time::TimeZone& zone, const time::WorkingDays& days, int64_t due_at, int n);

// Which reminder an advice needs at `now`: kOverdue once the answer is
// overdue and that mail was not sent; kBefore from `reminder_at` on, before
// the due date, when that mail was not sent; else kNone. Only a submitted
// advice gets reminders.
enum class Reminder { kNone, kBefore, kOverdue };
Reminder DueReminder(const Advice& a, int64_t reminder_at, int64_t now);

}  // namespace wp::advice
