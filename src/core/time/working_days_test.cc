#include "core/time/working_days.h"

#include <gtest/gtest.h>

namespace wp::time {
namespace {

LocalDateTime D(int y, int m, int d) { return {y, m, d, 0, 0, 0}; }

TEST(EasterSunday, KnownYears) {
  EXPECT_EQ(EasterSunday(2000), D(2000, 4, 23));
  EXPECT_EQ(EasterSunday(2019), D(2019, 4, 21));
  EXPECT_EQ(EasterSunday(2024), D(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2025), D(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), D(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2027), D(2027, 3, 28));
  EXPECT_EQ(EasterSunday(2038), D(2038, 4, 25));  // the latest possible date
  EXPECT_EQ(EasterSunday(1818), D(1818, 3, 22));  // the earliest possible date
}

TEST(HolidayOn, EveryHolidayOf2026) {
  struct Case {
    LocalDateTime date;
    DutchHoliday holiday;
  } cases[] = {
      {D(2026, 1, 1), DutchHoliday::kNewYearsDay},   {D(2026, 4, 3), DutchHoliday::kGoodFriday},
      {D(2026, 4, 6), DutchHoliday::kEasterMonday},  {D(2026, 4, 27), DutchHoliday::kKingsDay},
      {D(2026, 5, 5), DutchHoliday::kLiberationDay}, {D(2026, 5, 14), DutchHoliday::kAscensionDay},
      {D(2026, 5, 25), DutchHoliday::kWhitMonday},   {D(2026, 12, 25), DutchHoliday::kChristmasDay},
      {D(2026, 12, 26), DutchHoliday::kBoxingDay},   {D(2026, 4, 5), DutchHoliday::kNone},  // Easter Sunday
      {D(2026, 5, 24), DutchHoliday::kNone},                                                // Whit Sunday
      {D(2026, 4, 26), DutchHoliday::kNone},         {D(2026, 12, 31), DutchHoliday::kNone},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HolidayOn(c.date), c.holiday) << c.date.year << "-" << c.date.month << "-" << c.date.day;
  }
}

TEST(HolidayOn, MonarchsDayMovesOffSunday) {
  // 27 April 2025 was a Sunday: King's Day on Saturday the 26th.
  EXPECT_EQ(HolidayOn(D(2025, 4, 26)), DutchHoliday::kKingsDay);
  EXPECT_EQ(HolidayOn(D(2025, 4, 27)), DutchHoliday::kNone);
  // Queen's Day before 2014: 30 April, 29 April in 2006 (the 30th was a Sunday).
  // kKingsDay names the monarch's day in every year.
  EXPECT_EQ(HolidayOn(D(2013, 4, 30)), DutchHoliday::kKingsDay);
  EXPECT_EQ(HolidayOn(D(2013, 4, 27)), DutchHoliday::kNone);
  EXPECT_EQ(HolidayOn(D(2006, 4, 29)), DutchHoliday::kKingsDay);
  EXPECT_EQ(HolidayOn(D(2006, 4, 30)), DutchHoliday::kNone);
  EXPECT_EQ(HolidayName(DutchHoliday::kKingsDay), "kings_day");
  EXPECT_EQ(HolidayName(DutchHoliday::kNone), "");
}

TEST(WorkingDays, WeekendsHolidaysAndExtraDays) {
  WorkingDays plain;
  EXPECT_TRUE(plain.IsWorkingDay(D(2026, 12, 3)));    // Thursday
  EXPECT_FALSE(plain.IsWorkingDay(D(2026, 12, 5)));   // Saturday
  EXPECT_FALSE(plain.IsWorkingDay(D(2026, 12, 6)));   // Sunday
  EXPECT_FALSE(plain.IsWorkingDay(D(2026, 12, 25)));  // Christmas, a Friday
  EXPECT_TRUE(plain.IsWorkingDay(D(2026, 5, 15)));    // the Friday after Ascension, unless configured
  WorkingDays closed({D(2026, 5, 15), {2026, 12, 24, 13, 30, 0}});
  EXPECT_FALSE(closed.IsWorkingDay(D(2026, 5, 15)));
  EXPECT_FALSE(closed.IsWorkingDay(D(2026, 12, 24)));  // the time of an extra day is ignored
  EXPECT_TRUE(closed.IsWorkingDay(D(2026, 12, 23)));
}

TEST(WorkingDays, AddWorkingDays) {
  WorkingDays wd;
  struct Case {
    LocalDateTime from;
    int n;
    LocalDateTime want;
  } cases[] = {
      {D(2026, 11, 30), 5, D(2026, 12, 7)},    // Monday + 5 = next Monday
      {D(2026, 12, 4), 1, D(2026, 12, 7)},     // Friday + 1 = Monday
      {D(2026, 12, 5), 1, D(2026, 12, 7)},     // Saturday + 1 = Monday
      {D(2026, 12, 5), 0, D(2026, 12, 7)},     // 0 from a Saturday: the next working day
      {D(2026, 12, 3), 0, D(2026, 12, 3)},     // 0 from a working day: itself
      {D(2026, 12, 23), 2, D(2026, 12, 28)},   // Wed + 2 skips Christmas (Fri) and the weekend
      {D(2026, 12, 30), 2, D(2027, 1, 4)},     // across New Year's Day (Fri)
      {D(2026, 4, 2), 1, D(2026, 4, 7)},       // Thursday before Easter: Good Friday, Easter Monday
      {D(2026, 12, 7), -1, D(2026, 12, 4)},    // back from a Monday
      {D(2026, 12, 28), -2, D(2026, 12, 23)},  // back across Christmas
  };
  for (const Case& c : cases) {
    EXPECT_EQ(wd.AddWorkingDays(c.from, c.n), c.want) << c.from.month << "-" << c.from.day << " + " << c.n;
  }
}

TEST(WorkingDays, BetweenAndOnOrAfter) {
  WorkingDays wd;
  EXPECT_EQ(wd.Between(D(2026, 11, 30), D(2026, 12, 4)), 4);
  EXPECT_EQ(wd.Between(D(2026, 12, 4), D(2026, 11, 30)), -4);
  EXPECT_EQ(wd.Between(D(2026, 12, 3), D(2026, 12, 3)), 0);
  EXPECT_EQ(wd.Between(D(2026, 12, 18), D(2027, 1, 1)), 8);  // 21-24, 28-31 Dec
  for (int n = 0; n < 40; ++n) {                             // Between undoes AddWorkingDays from a working day
    EXPECT_EQ(wd.Between(D(2026, 4, 1), wd.AddWorkingDays(D(2026, 4, 1), n)), n);
  }
  EXPECT_EQ(wd.OnOrAfter(D(2026, 12, 25)), D(2026, 12, 28));
  EXPECT_EQ(wd.OnOrAfter(D(2026, 12, 28)), D(2026, 12, 28));
}

TEST(WorkingDays, DeadlinesInLocalTimeAcrossDaylightSaving) {
  TimeZone ams = *TimeZone::FromPosixRule(kAmsterdamRule);
  WorkingDays wd;
  // Friday 27 March 2026, 15:00 CET; the clocks go forward on Sunday the 29th;
  // five working days skip Good Friday and Easter Monday: Tuesday 7 April is the
  // last day, so the deadline is local midnight starting Wednesday 8 April (CEST).
  int64_t start = ams.ToUtc({2026, 3, 27, 15, 0, 0});
  EXPECT_EQ(wd.DeadlineAfter(ams, start, 5), UnixFromCivil({2026, 4, 7, 22, 0, 0}));
  // Late on a Sunday evening in UTC is already Monday in Amsterdam.
  int64_t sunday_late_utc = UnixFromCivil({2026, 11, 29, 23, 30, 0});  // Mon 00:30 CET
  EXPECT_EQ(wd.DeadlineAfter(ams, sunday_late_utc, 1), UnixFromCivil({2026, 12, 1, 23, 0, 0}));
  // Six weeks from Thursday 12 November 2026 is Thursday 24 December: a working day.
  int64_t nov12 = ams.ToUtc({2026, 11, 12, 10, 0, 0});
  EXPECT_EQ(wd.DeadlineAfterWeeks(ams, nov12, 6), UnixFromCivil({2026, 12, 24, 23, 0, 0}));
  // Six weeks from Friday 13 November is Christmas Day: the term runs to Monday the 28th.
  int64_t nov13 = ams.ToUtc({2026, 11, 13, 10, 0, 0});
  EXPECT_EQ(wd.DeadlineAfterWeeks(ams, nov13, 6), UnixFromCivil({2026, 12, 28, 23, 0, 0}));
}

}  // namespace
}  // namespace wp::time
