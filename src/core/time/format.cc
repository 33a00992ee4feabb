#include "core/time/format.h"

#include <cstdio>

#include "core/strings.h"

namespace wp::time {

namespace {

constexpr std::string_view kMonthsNl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::string_view kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kWeekdaysNl[] = {"zondag",    "maandag", "dinsdag", "woensdag",
                                            "donderdag", "vrijdag", "zaterdag"};
constexpr std::string_view kWeekdaysEn[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday"};

bool IsEnglish(std::string_view locale) { return locale == "en"; }

// Exactly `s.size()` ASCII digits.
bool Digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string_view MonthName(int month, std::string_view locale) {
  return (IsEnglish(locale) ? kMonthsEn : kMonthsNl)[month - 1];
}

std::string_view WeekdayName(int weekday, std::string_view locale) {
  return (IsEnglish(locale) ? kWeekdaysEn : kWeekdaysNl)[weekday];
}

std::string FormatDate(const LocalDateTime& t, std::string_view locale) {
  return std::to_string(t.day) + " " + std::string(MonthName(t.month, locale)) + " " + std::to_string(t.year);
}

std::string FormatWeekdayDate(const LocalDateTime& t, std::string_view locale) {
  return std::string(WeekdayName(Weekday(t.year, t.month, t.day), locale)) + " " + FormatDate(t, locale);
}

std::string FormatTime(const LocalDateTime& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour % 100, t.minute % 100);
  return buf;
}

std::string FormatDateTime(const LocalDateTime& t, std::string_view locale) {
  return FormatDate(t, locale) + ", " + FormatTime(t);
}

std::string FormatDate(const TimeZone& zone, int64_t utc, std::string_view locale) {
  return FormatDate(zone.ToLocal(utc), locale);
}

std::string FormatWeekdayDate(const TimeZone& zone, int64_t utc, std::string_view locale) {
  return FormatWeekdayDate(zone.ToLocal(utc), locale);
}

std::string FormatTime(const TimeZone& zone, int64_t utc) { return FormatTime(zone.ToLocal(utc)); }

std::string FormatDateTime(const TimeZone& zone, int64_t utc, std::string_view locale) {
  return FormatDateTime(zone.ToLocal(utc), locale);
}

std::string FormatPeriodStart(const TimeZone& zone, int64_t start_utc, std::string_view locale) {
  LocalDateTime t = zone.ToLocal(start_utc);
  return zone.IsStartOfDay(start_utc) ? FormatDate(t, locale) : FormatDateTime(t, locale);
}

std::string FormatPeriodEnd(const TimeZone& zone, int64_t end_utc, std::string_view locale) {
  LocalDateTime t = zone.ToLocal(end_utc);
  return zone.IsStartOfDay(end_utc) ? FormatDate(AddDays(t, -1), locale) : FormatDateTime(t, locale);
}

std::string DateInputValue(const LocalDateTime& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year % 10000, t.month % 100, t.day % 100);
  return buf;
}

std::string TimeInputValue(const LocalDateTime& t) { return FormatTime(t); }

std::string DateInputValue(const TimeZone& zone, int64_t utc) { return DateInputValue(zone.ToLocal(utc)); }

std::string TimeInputValue(const TimeZone& zone, int64_t utc) { return TimeInputValue(zone.ToLocal(utc)); }

std::string LastDayInputValue(const TimeZone& zone, int64_t end_utc) {
  return DateInputValue(AddDays(zone.ToLocal(end_utc), -1));
}

std::optional<LocalDateTime> ParseDateInput(std::string_view text) {
  std::string_view d = wp::Trim(text);
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  LocalDateTime t;
  if (!Digits(d.substr(0, 4), t.year) || !Digits(d.substr(5, 2), t.month) || !Digits(d.substr(8, 2), t.day)) {
    return std::nullopt;
  }
  if (t.year < 1970 || !IsValidLocal(t)) return std::nullopt;
  return t;
}

std::optional<LocalDateTime> ParseTimeInput(std::string_view text) {
  std::string_view s = wp::Trim(text);
  if ((s.size() != 5 && s.size() != 8) || s[2] != ':' || (s.size() == 8 && s[5] != ':')) return std::nullopt;
  LocalDateTime t;
  if (!Digits(s.substr(0, 2), t.hour) || !Digits(s.substr(3, 2), t.minute)) return std::nullopt;
  if (s.size() == 8 && !Digits(s.substr(6, 2), t.second)) return std::nullopt;
  if (!IsValidLocal(t)) return std::nullopt;
  return t;
}

int64_t EndOfDay(const TimeZone& zone, const LocalDateTime& date) { return zone.StartOfDay(AddDays(date, 1)); }

}  // namespace wp::time
