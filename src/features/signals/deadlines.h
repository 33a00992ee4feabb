// The time rules of a signal, in the municipality's local time: the handling
// deadline from the category, when it is overdue, when the automatic "still
// working on it" update is due, the date that update promises, and how long
// a reporter may react to a closed signal. Days are calendar days in local
// time, so a daylight-saving change never moves a deadline off midnight.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "core/time/time_zone.h"
#include "features/signals/status_flow.h"

namespace wp::signals {

// How long after closing a reporter may say whether they are satisfied and
// reopen the signal.
inline constexpr int kReactionDays = 14;

// The deadline of a signal reported at `reported_at` whose category gives
// `handling_days`: the end (the next local midnight) of the local day
// `handling_days` days after the day of the report. A report on Monday with
// 3 days is due by the end of Thursday. REQUIRES: handling_days >= 0.
int64_t DeadlineAt(const time::TimeZone& zone, int64_t reported_at, int handling_days);

// True when an open signal is past its deadline at `now`.
bool IsOverdue(SignalStatus status, int64_t deadline_at, int64_t now);

// When the automatic update is due after the last message to the reporter at
// `last_message_at`: the same local clock time `interval_days` days later
// (so 7 days is 6 days and 23 hours across the spring change). A time the
// clocks skip moves forward to the end of the gap.
int64_t NextUpdateAt(const time::TimeZone& zone, int64_t last_message_at, int interval_days);

// True when the automatic update of an open signal is due at `now`.
bool IsUpdateDue(SignalStatus status, std::optional<int64_t> next_update_at, int64_t now);

// The end (exclusive, a local midnight) of the day the automatic update
// promises: the planned day of a scheduled signal; else the deadline while it
// lies ahead; else `interval_days` days after today (the handler is flagged).
int64_t ExpectedBy(const time::TimeZone& zone, SignalStatus status, std::optional<int64_t> planned_for,
                   int64_t deadline_at, int64_t now, int interval_days);

// The end of the time a reporter may react to a signal closed at
// `closed_at`: the end of the local day kReactionDays days later.
int64_t ReactionDeadline(const time::TimeZone& zone, int64_t closed_at);

// True when the reporter may still give their satisfaction or reopen: the
// signal is closed (not merged) and `now` is before ReactionDeadline.
bool CanReporterReact(const time::TimeZone& zone, SignalStatus status, std::optional<int64_t> closed_at, int64_t now);

}  // namespace wp::signals
