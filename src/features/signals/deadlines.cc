#include "features/signals/deadlines.h"

#include "core/time/format.h"

namespace wp::signals {

namespace {

// The end of the local day `days` days after the local day of `utc`.
int64_t EndOfDayAfter(const time::TimeZone& zone, int64_t utc, int days) {
  return time::EndOfDay(zone, time::AddDays(zone.ToLocal(utc), days));
}

}  // namespace

int64_t DeadlineAt(const time::TimeZone& zone, int64_t reported_at, int handling_days) {
  return EndOfDayAfter(zone, reported_at, handling_days);
}

bool IsOverdue(SignalStatus status, int64_t deadline_at, int64_t now) { return IsOpen(status) && now >= deadline_at; }

int64_t NextUpdateAt(const time::TimeZone& zone, int64_t last_message_at, int interval_days) {
  time::LocalDateTime local = zone.ToLocal(last_message_at);
  time::LocalDateTime later = time::AddDays(local, interval_days);
  later.hour = local.hour;
  later.minute = local.minute;
  later.second = local.second;
  return zone.ToUtc(later);
}

bool IsUpdateDue(SignalStatus status, std::optional<int64_t> next_update_at, int64_t now) {
  return IsOpen(status) && next_update_at.has_value() && now >= *next_update_at;
}

int64_t ExpectedBy(const time::TimeZone& zone, SignalStatus status, std::optional<int64_t> planned_for,
                   int64_t deadline_at, int64_t now, int interval_days) {
  if (status == SignalStatus::kScheduled && planned_for) return EndOfDayAfter(zone, *planned_for, 0);
  if (deadline_at > now) return deadline_at;
  return EndOfDayAfter(zone, now, interval_days);
}

int64_t ReactionDeadline(const time::TimeZone& zone, int64_t closed_at) {
  return EndOfDayAfter(zone, closed_at, kReactionDays);
}

bool CanReporterReact(const time::TimeZone& zone, SignalStatus status, std::optional<int64_t> closed_at, int64_t now) {
  if (IsOpen(status) || status == SignalStatus::kMerged || !closed_at) return false;
  return now < ReactionDeadline(zone, *closed_at);
}

}  // namespace wp::signals
