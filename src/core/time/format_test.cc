#include "core/time/format.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace wp::time {
namespace {

int64_t Utc(int y, int mo, int d, int h, int mi, int s = 0) { return UnixFromCivil({y, mo, d, h, mi, s}); }

// Europe/Amsterdam both ways the app may build it: from the tz database and
// from the built-in rule (when the file is missing).
std::vector<TimeZone> Amsterdams() {
  std::vector<TimeZone> out;
  std::ifstream in("/usr/share/zoneinfo/Europe/Amsterdam", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto file = TimeZone::FromTzif(ss.str());
  EXPECT_TRUE(file.has_value()) << "tzdata is installed (tools/setup.sh)";
  if (file.has_value()) out.push_back(*file);
  out.push_back(*TimeZone::FromPosixRule(kAmsterdamRule));
  return out;
}

TEST(TimeFormatTest, NamesPerLocale) {
  EXPECT_EQ(MonthName(1, "nl"), "januari");
  EXPECT_EQ(MonthName(12, "en"), "December");
  EXPECT_EQ(MonthName(3, "de"), "maart") << "unknown locales read as Dutch";
  EXPECT_EQ(WeekdayName(0, "nl"), "zondag");
  EXPECT_EQ(WeekdayName(3, "en"), "Wednesday");
  LocalDateTime t{2026, 12, 2, 20, 5, 9};
  EXPECT_EQ(FormatDate(t, "nl"), "2 december 2026");
  EXPECT_EQ(FormatDate(t, "en"), "2 December 2026");
  EXPECT_EQ(FormatWeekdayDate(t, "nl"), "woensdag 2 december 2026");
  EXPECT_EQ(FormatWeekdayDate(t, "en"), "Wednesday 2 December 2026");
  EXPECT_EQ(FormatTime(t), "20:05");
  EXPECT_EQ(FormatDateTime(t, "nl"), "2 december 2026, 20:05");
  EXPECT_EQ(FormatDateTime(t, "en"), "2 December 2026, 20:05");
}

TEST(TimeFormatTest, WinterAndSummerTime) {
  for (const TimeZone& z : Amsterdams()) {
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 11, 23, 19, 0), "nl"), "23 november 2026, 20:00") << "CET";
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 7, 1, 18, 0), "en"), "1 July 2026, 20:00") << "CEST";
    // An instant late in the UTC evening is the next day in Haarlem.
    EXPECT_EQ(FormatDate(z, Utc(2026, 12, 1, 23, 0), "nl"), "2 december 2026");
    EXPECT_EQ(FormatDate(z, Utc(2026, 6, 30, 22, 0), "nl"), "1 juli 2026");
    EXPECT_EQ(FormatWeekdayDate(z, Utc(2026, 12, 3, 18, 30), "nl"), "donderdag 3 december 2026");
  }
}

TEST(TimeFormatTest, ClocksGoForwardOnTheLastSundayOfMarch) {
  for (const TimeZone& z : Amsterdams()) {
    // 2026-03-29 01:00 UTC: 02:00 CET becomes 03:00 CEST.
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 3, 29, 0, 59, 59), "nl"), "29 maart 2026, 01:59");
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 3, 29, 1, 0), "nl"), "29 maart 2026, 03:00");
    EXPECT_EQ(TimeInputValue(z, Utc(2026, 3, 29, 1, 0)), "03:00");
    // 02:00-02:59 do not exist that night; a typed 02:30 means 03:30 CEST.
    EXPECT_EQ(z.ToUtc({2026, 3, 29, 2, 30, 0}), Utc(2026, 3, 29, 1, 30));
    EXPECT_EQ(z.ToUtc({2026, 3, 29, 2, 0, 0}), Utc(2026, 3, 29, 1, 0));
    // The day has 23 hours; midnight itself is unaffected.
    EXPECT_EQ(z.StartOfDay({2026, 3, 29}), Utc(2026, 3, 28, 23, 0));
    EXPECT_EQ(z.StartOfDay({2026, 3, 30}), Utc(2026, 3, 29, 22, 0));
    EXPECT_EQ(EndOfDay(z, {2026, 3, 29}) - z.StartOfDay({2026, 3, 29}), 23 * 3600);
  }
}

TEST(TimeFormatTest, ClocksGoBackOnTheLastSundayOfOctober) {
  for (const TimeZone& z : Amsterdams()) {
    // 2026-10-25 01:00 UTC: 03:00 CEST becomes 02:00 CET.
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 10, 25, 0, 59, 59), "nl"), "25 oktober 2026, 02:59");
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 10, 25, 1, 0), "nl"), "25 oktober 2026, 02:00");
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 10, 25, 0, 30), "en"), "25 October 2026, 02:30");
    EXPECT_EQ(FormatDateTime(z, Utc(2026, 10, 25, 1, 30), "en"), "25 October 2026, 02:30");
    // 02:00-02:59 happen twice; a typed 02:30 means the first (CEST) one.
    EXPECT_EQ(z.ToUtc({2026, 10, 25, 2, 30, 0}), Utc(2026, 10, 25, 0, 30));
    EXPECT_EQ(z.ToUtc({2026, 10, 25, 3, 0, 0}), Utc(2026, 10, 25, 2, 0));
    // The day has 25 hours.
    EXPECT_EQ(z.StartOfDay({2026, 10, 25}), Utc(2026, 10, 24, 22, 0));
    EXPECT_EQ(EndOfDay(z, {2026, 10, 25}), Utc(2026, 10, 25, 23, 0));
  }
}

TEST(TimeFormatTest, PeriodsRunFromLocalMidnightToLocalMidnight) {
  for (const TimeZone& z : Amsterdams()) {
    // Voting until 1 December inclusive closes at 2 December 00:00 CET.
    int64_t close = EndOfDay(z, {2026, 12, 1});
    EXPECT_EQ(close, Utc(2026, 12, 1, 23, 0));
    EXPECT_TRUE(z.IsStartOfDay(close));
    EXPECT_FALSE(z.IsStartOfDay(close - 1));
    EXPECT_EQ(FormatPeriodEnd(z, close, "nl"), "1 december 2026");
    EXPECT_EQ(FormatPeriodEnd(z, close, "en"), "1 December 2026");
    EXPECT_EQ(FormatPeriodStart(z, close, "nl"), "2 december 2026");
    EXPECT_EQ(LastDayInputValue(z, close), "2026-12-01");
    // In summer time too (1 July 00:00 CEST is 30 June 22:00 UTC).
    EXPECT_EQ(FormatPeriodEnd(z, Utc(2026, 6, 30, 22, 0), "nl"), "30 juni 2026");
    // A stored end that is not a local midnight (UTC midnight, as forms saved
    // before) is shown with its time, never rounded to a day.
    EXPECT_EQ(FormatPeriodEnd(z, Utc(2026, 12, 2, 0, 0), "nl"), "2 december 2026, 01:00");
    EXPECT_EQ(FormatPeriodStart(z, Utc(2026, 11, 24, 0, 0), "nl"), "24 november 2026, 01:00");
    EXPECT_EQ(LastDayInputValue(z, Utc(2026, 12, 2, 0, 0)), "2026-12-01") << "the day the form was meant for";
  }
}

TEST(TimeFormatTest, FormValuesRoundTrip) {
  for (const TimeZone& z : Amsterdams()) {
    // Every day of two years: start of day and last day of a period.
    for (LocalDateTime d{2026, 1, 1}; d.year < 2028; d = AddDays(d, 1)) {
      int64_t start = z.StartOfDay(d);
      EXPECT_EQ(z.ToLocal(start), d) << DateInputValue(d);
      auto parsed = ParseDateInput(DateInputValue(z, start));
      ASSERT_TRUE(parsed.has_value());
      EXPECT_EQ(z.StartOfDay(*parsed), start);
      int64_t end = EndOfDay(z, d);
      auto last = ParseDateInput(LastDayInputValue(z, end));
      ASSERT_TRUE(last.has_value());
      EXPECT_EQ(EndOfDay(z, *last), end);
    }
    // Every quarter of an hour around both switches: date and time fields
    // give the instant back, except the repeated hour in October, which
    // reads as its first occurrence.
    for (int64_t from : {Utc(2026, 3, 28, 0, 0), Utc(2026, 10, 24, 0, 0)}) {
      for (int64_t t = from; t < from + 3 * 86400; t += 900) {
        auto date = ParseDateInput(DateInputValue(z, t));
        auto clock = ParseTimeInput(TimeInputValue(z, t));
        ASSERT_TRUE(date.has_value() && clock.has_value());
        LocalDateTime local = *date;
        local.hour = clock->hour;
        local.minute = clock->minute;
        int64_t back = z.ToUtc(local);
        if (back != t) {
          EXPECT_EQ(back, t - 3600) << "only the repeated hour differs: " << t;
          EXPECT_EQ(z.ToLocal(t).hour, 2) << t;
        }
      }
    }
  }
}

TEST(TimeFormatTest, ParsesFormFields) {
  EXPECT_EQ(ParseDateInput("2026-12-01"), (LocalDateTime{2026, 12, 1, 0, 0, 0}));
  EXPECT_EQ(ParseDateInput(" 2028-02-29 "), (LocalDateTime{2028, 2, 29, 0, 0, 0}));
  for (const char* bad : {"", "2026-02-30", "2027-02-29", "01-12-2026", "2026-1-01", "2026/12/01", "1969-12-31",
                          "2026-12-01T00:00", "2026-13-01", "２０２６-12-01"}) {
    EXPECT_FALSE(ParseDateInput(bad).has_value()) << bad;
  }
  EXPECT_EQ(ParseTimeInput("20:00"), (LocalDateTime{1970, 1, 1, 20, 0, 0}));
  EXPECT_EQ(ParseTimeInput("00:00:30"), (LocalDateTime{1970, 1, 1, 0, 0, 30}));
  for (const char* bad : {"", "24:00", "12:60", "7:30", "07.30", "0730", "12:30:60", "12:30:"}) {
    EXPECT_FALSE(ParseTimeInput(bad).has_value()) << bad;
  }
  EXPECT_EQ(DateInputValue(LocalDateTime{2026, 3, 9, 0, 0, 0}), "2026-03-09");
  EXPECT_EQ(TimeInputValue(LocalDateTime{2026, 3, 9, 7, 5, 0}), "07:05");
}

}  // namespace
}  // namespace wp::time
