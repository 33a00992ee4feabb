// TimeZone: UTC offsets of one time zone, read from a TZif file of the tz
// database (RFC 8536, versions 1-4) or from a POSIX TZ rule such as the
// footer "CET-1CEST,M3.5.0,M10.5.0/3". Converts between UTC and local wall
// time across daylight-saving changes. Pure (parses bytes it is given; the
// app reads the file once at start, see src/app/local_zone.h); immutable
// after construction, so thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::time {

// The POSIX rule of Europe/Amsterdam (CET, CEST from the last Sunday of March
// 02:00 to the last Sunday of October 03:00 local time; EU rule since 1996).
inline constexpr std::string_view kAmsterdamRule = "CET-1CEST,M3.5.0,M10.5.0/3";

// A wall-clock date and time without a zone.
struct LocalDateTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  bool operator==(const LocalDateTime&) const = default;
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int year, int month, int day);
LocalDateTime CivilFromUnix(int64_t seconds);   // treats `seconds` as UTC
int64_t UnixFromCivil(const LocalDateTime& t);  // treats `t` as UTC
// True for an existing calendar date and a time within the day.
bool IsValidLocal(const LocalDateTime& t);
// Day of week of a date: 0 = Sunday ... 6 = Saturday.
int Weekday(int year, int month, int day);
// The date `days` days after (or before, when negative) the date of `t`,
// at 00:00:00.
LocalDateTime AddDays(const LocalDateTime& t, int days);

class TimeZone {
 public:
  // UTC itself.
  static TimeZone Utc();
  // Parses a TZif file. Errors: kInvalidInput for a truncated or unknown file.
  static Result<TimeZone> FromTzif(std::string_view bytes);
  // Parses a POSIX TZ rule with "Mm.w.d[/time]" dates (as in every European
  // zone). Errors: kInvalidInput for other forms.
  static Result<TimeZone> FromPosixRule(std::string_view rule);

  // Offset from UTC in seconds (e.g. 3600 for CET, 7200 for CEST) at `utc`.
  int OffsetAt(int64_t utc) const;
  LocalDateTime ToLocal(int64_t utc) const;
  // The UTC instant of wall time `local`. A time that occurs twice (the hour
  // after the clocks go back) gives the earlier instant; a time that does
  // not exist (the hour the clocks skip) is moved forward by the gap, so
  // 02:30 on the last Sunday of March in Amsterdam becomes 03:30 CEST.
  int64_t ToUtc(const LocalDateTime& local) const;
  // The first instant of the local date of `date` (its time is ignored):
  // local midnight, or the end of the gap when the clocks skip midnight.
  int64_t StartOfDay(const LocalDateTime& date) const;
  // True when `utc` is the first instant of a local day.
  bool IsStartOfDay(int64_t utc) const;

 private:
  struct Rule {  // a POSIX TZ rule
    int std_offset = 0, dst_offset = 0;
    bool has_dst = false;
    int start_month = 0, start_week = 0, start_day = 0, start_time = 7200;
    int end_month = 0, end_week = 0, end_day = 0, end_time = 7200;
  };
  static Result<Rule> ParseRule(std::string_view text);
  static int RuleOffsetAt(const Rule& r, int64_t utc);

  std::vector<int64_t> transitions_;  // UTC instants, ascending
  std::vector<int> offsets_after_;    // offset from each transition on
  int initial_offset_ = 0;            // before the first transition
  std::optional<Rule> rule_;          // after the last transition
};

}  // namespace wp::time
