// Working days in the Netherlands: the public holidays of the Algemene
// termijnenwet (art. 3: New Year's Day, Good Friday, Easter Monday, King's
// Day, 5 May, Ascension Day, Whit Monday, Christmas and Boxing Day), weekends,
// and extra closing days a municipality configures (the days the government
// declares equal to a holiday every few years, a collective day off).
// Deadlines that count in working days ("within 5 working days", "an answer
// within six weeks, ending on a working day") are computed here, in local
// dates, so a daylight-saving change never moves them. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/time/time_zone.h"

namespace wp::time {

enum class DutchHoliday {
  kNone,
  kNewYearsDay,    // 1 January
  kGoodFriday,     // 2 days before Easter Sunday
  kEasterMonday,   // 1 day after Easter Sunday
  kKingsDay,       // 27 April, 26 April when the 27th is a Sunday (from 2014)
  kLiberationDay,  // 5 May, every year (Algemene termijnenwet)
  kAscensionDay,   // 39 days after Easter Sunday
  kWhitMonday,     // 50 days after Easter Sunday
  kChristmasDay,   // 25 December
  kBoxingDay,      // 26 December
};

// A stable name of a holiday for catalogs and logs ("kings_day"); "" for kNone.
std::string_view HolidayName(DutchHoliday holiday);

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm),
// at 00:00. REQUIRES: 1583 <= year.
LocalDateTime EasterSunday(int year);

// The public holiday on a date (its time is ignored), or kNone. Before 2014
// the monarch's day was Queen's Day, 30 April (29 April when the 30th is a
// Sunday); that rule is applied to years before 2014.
DutchHoliday HolidayOn(const LocalDateTime& date);

class WorkingDays {
 public:
  // Weekends and the public holidays only.
  WorkingDays() = default;
  // Also closed on `extra_closed` dates (their times are ignored).
  explicit WorkingDays(const std::vector<LocalDateTime>& extra_closed);

  // False on Saturdays, Sundays, public holidays and the extra closing days.
  bool IsWorkingDay(const LocalDateTime& date) const;

  // The date `n` working days after `date` at 00:00: with n = 5 and a Monday
  // without holidays, the next Monday. n = 0 gives `date` itself when it is a
  // working day, else the next working day. Negative n counts back.
  LocalDateTime AddWorkingDays(const LocalDateTime& date, int n) const;

  // `date` when it is a working day, else the first working day after it:
  // a term that ends on a weekend or holiday runs to the next working day
  // (Algemene termijnenwet art. 1).
  LocalDateTime OnOrAfter(const LocalDateTime& date) const;

  // Working days after `from` up to and including `to`: Monday to Friday of
  // one week without holidays gives 4. Negative (the count from `to` to
  // `from`, negated) when `to` is before `from`.
  int Between(const LocalDateTime& from, const LocalDateTime& to) const;

  // The end (the next local midnight, exclusive) of the local day that is
  // `n` working days after the local day of the instant `start`: a request
  // on Friday afternoon with 5 working days is due by the end of the next
  // Friday. REQUIRES: n >= 0.
  int64_t DeadlineAfter(const TimeZone& zone, int64_t start, int n) const;

  // The end of the local day that is `weeks` calendar weeks after the local
  // day of `start`, moved to the next working day when it is not one.
  int64_t DeadlineAfterWeeks(const TimeZone& zone, int64_t start, int weeks) const;

 private:
  std::vector<int64_t> extra_closed_;  // days since the epoch, sorted
};

}  // namespace wp::time
