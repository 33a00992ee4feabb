// Dates and times for people and for HTML form fields, always in the wall
// time of one zone (the app passes Europe/Amsterdam: src/app/local_zone.h).
// Every page, e-mail and letter formats times here. Month and weekday names
// come from a small table per locale ("nl", "en"; other locales read as
// "nl"). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time/time_zone.h"

namespace wp::time {

// "december" (nl) or "December" (en). REQUIRES: 1 <= month <= 12.
std::string_view MonthName(int month, std::string_view locale);
// "woensdag" (nl) or "Wednesday" (en). REQUIRES: 0 (Sunday) <= weekday <= 6.
std::string_view WeekdayName(int weekday, std::string_view locale);

// Wall time as text. Only the parts named are used.
std::string FormatDate(const LocalDateTime& t, std::string_view locale);         // "2 december 2026"
std::string FormatWeekdayDate(const LocalDateTime& t, std::string_view locale);  // "woensdag 2 december 2026"
std::string FormatTime(const LocalDateTime& t);                                  // "20:00"
std::string FormatDateTime(const LocalDateTime& t, std::string_view locale);     // "2 december 2026, 20:00"

// The same for the instant `utc` as the clocks in `zone` show it.
std::string FormatDate(const TimeZone& zone, int64_t utc, std::string_view locale);
std::string FormatWeekdayDate(const TimeZone& zone, int64_t utc, std::string_view locale);
std::string FormatTime(const TimeZone& zone, int64_t utc);
std::string FormatDateTime(const TimeZone& zone, int64_t utc, std::string_view locale);

// Periods whose days run from local midnight to local midnight (the phases
// of a Wijk aan Zet round). A period starting at `start_utc` begins on
// "24 november 2026"; when `start_utc` is not a local midnight the time is
// added ("24 november 2026, 01:00").
std::string FormatPeriodStart(const TimeZone& zone, int64_t start_utc, std::string_view locale);
// A period that ends (exclusive) at `end_utc` runs up to and including its
// last day: for an end at 2 December 00:00 local this returns
// "1 december 2026". When `end_utc` is not a local midnight it returns the
// date and time of the end ("2 december 2026, 01:00").
std::string FormatPeriodEnd(const TimeZone& zone, int64_t end_utc, std::string_view locale);

// Values of <input type="date"> ("2026-12-02") and <input type="time">
// ("20:00").
std::string DateInputValue(const LocalDateTime& t);
std::string TimeInputValue(const LocalDateTime& t);
std::string DateInputValue(const TimeZone& zone, int64_t utc);
std::string TimeInputValue(const TimeZone& zone, int64_t utc);
// The last-day value of a period that ends (exclusive) at `end_utc`: the day
// before the local date of `end_utc` ("2026-12-01" for an end at 2 December
// 00:00). Read back with EndOfDay(ParseDateInput(...)).
std::string LastDayInputValue(const TimeZone& zone, int64_t end_utc);

// Parses a date field "YYYY-MM-DD" (surrounding white space allowed) into
// that date at 00:00. nullopt when malformed or not a real date, or outside
// the years 1970-9999.
std::optional<LocalDateTime> ParseDateInput(std::string_view text);
// Parses a time field "HH:MM" or "HH:MM:SS" (00:00 to 23:59:59) into that
// time on 1970-01-01. nullopt when malformed.
std::optional<LocalDateTime> ParseTimeInput(std::string_view text);

// The instant a period ending with local day `date` ends: the start of the
// next local day (1 December -> 2 December 00:00 local, in UTC).
int64_t EndOfDay(const TimeZone& zone, const LocalDateTime& date);

}  // namespace wp::time
