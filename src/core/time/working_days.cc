#include "core/time/working_days.h"

#include <algorithm>

namespace wp::time {
namespace {

int64_t DayNumber(const LocalDateTime& d) { return DaysFromCivil(d.year, d.month, d.day); }
LocalDateTime DateOf(int64_t day) { return CivilFromUnix(day * 86400); }

// 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday.
int WeekdayOf(int64_t day) {
  int64_t w = (day + 4) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

}  // namespace

std::string_view HolidayName(DutchHoliday holiday) {
  switch (holiday) {
    case DutchHoliday::kNone:
      return "";
    case DutchHoliday::kNewYearsDay:
      return "new_years_day";
    case DutchHoliday::kGoodFriday:
      return "good_friday";
    case DutchHoliday::kEasterMonday:
      return "easter_monday";
    case DutchHoliday::kKingsDay:
      return "kings_day";
    case DutchHoliday::kLiberationDay:
      return "liberation_day";
    case DutchHoliday::kAscensionDay:
      return "ascension_day";
    case DutchHoliday::kWhitMonday:
      return "whit_monday";
    case DutchHoliday::kChristmasDay:
      return "christmas_day";
    case DutchHoliday::kBoxingDay:
      return "boxing_day";
  }
  return "";
}

LocalDateTime EasterSunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  LocalDateTime t;
  t.year = year;
  t.month = (h + l - 7 * m + 114) / 31;
  t.day = (h + l - 7 * m + 114) % 31 + 1;
  return t;
}

DutchHoliday HolidayOn(const LocalDateTime& date) {
  int y = date.year, m = date.month, d = date.day;
  if (m == 1 && d == 1) return DutchHoliday::kNewYearsDay;
  if (m == 12 && d == 25) return DutchHoliday::kChristmasDay;
  if (m == 12 && d == 26) return DutchHoliday::kBoxingDay;
  if (m == 5 && d == 5) return DutchHoliday::kLiberationDay;
  int monarch_day = y >= 2014 ? 27 : 30;
  if (Weekday(y, 4, monarch_day) == 0) --monarch_day;
  if (m == 4 && d == monarch_day) return DutchHoliday::kKingsDay;
  int64_t offset = DayNumber(date) - DayNumber(EasterSunday(y));
  switch (offset) {
    case -2:
      return DutchHoliday::kGoodFriday;
    case 1:
      return DutchHoliday::kEasterMonday;
    case 39:
      return DutchHoliday::kAscensionDay;
    case 50:
      return DutchHoliday::kWhitMonday;
    default:
      return DutchHoliday::kNone;
  }
}

WorkingDays::WorkingDays(const std::vector<LocalDateTime>& extra_closed) {
  for (const LocalDateTime& d : extra_closed) extra_closed_.push_back(DayNumber(d));
  std::sort(extra_closed_.begin(), extra_closed_.end());
  extra_closed_.erase(std::unique(extra_closed_.begin(), extra_closed_.end()), extra_closed_.end());
}

bool WorkingDays::IsWorkingDay(const LocalDateTime& date) const {
  int64_t day = DayNumber(date);
  int weekday = WeekdayOf(day);
  if (weekday == 0 || weekday == 6) return false;
  if (HolidayOn(date) != DutchHoliday::kNone) return false;
  return !std::binary_search(extra_closed_.begin(), extra_closed_.end(), day);
}

LocalDateTime WorkingDays::OnOrAfter(const LocalDateTime& date) const {
  int64_t day = DayNumber(date);
  while (!IsWorkingDay(DateOf(day))) ++day;
  return DateOf(day);
}

LocalDateTime WorkingDays::AddWorkingDays(const LocalDateTime& date, int n) const {
  int64_t day = DayNumber(date);
  if (n == 0) return OnOrAfter(date);
  int step = n > 0 ? 1 : -1;
  for (int left = n > 0 ? n : -n; left > 0;) {
    day += step;
    if (IsWorkingDay(DateOf(day))) --left;
  }
  return DateOf(day);
}

int WorkingDays::Between(const LocalDateTime& from, const LocalDateTime& to) const {
  int64_t a = DayNumber(from), b = DayNumber(to);
  if (b < a) return -Between(to, from);
  int count = 0;
  for (int64_t day = a + 1; day <= b; ++day) {
    if (IsWorkingDay(DateOf(day))) ++count;
  }
  return count;
}

int64_t WorkingDays::DeadlineAfter(const TimeZone& zone, int64_t start, int n) const {
  LocalDateTime last = AddWorkingDays(zone.ToLocal(start), n);
  return zone.StartOfDay(AddDays(last, 1));
}

int64_t WorkingDays::DeadlineAfterWeeks(const TimeZone& zone, int64_t start, int weeks) const {
  LocalDateTime last = OnOrAfter(AddDays(zone.ToLocal(start), 7 * weeks));
  return zone.StartOfDay(AddDays(last, 1));
}

}  // namespace wp::time
