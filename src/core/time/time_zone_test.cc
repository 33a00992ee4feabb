#include "core/time/time_zone.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace wp::time {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int64_t Utc(int y, int mo, int d, int h, int mi) { return UnixFromCivil({y, mo, d, h, mi, 0}); }

void ExpectAmsterdam(const TimeZone& tz) {
  // Winter (CET, +1) and summer (CEST, +2).
  EXPECT_EQ(tz.OffsetAt(Utc(2026, 1, 15, 12, 0)), 3600);
  EXPECT_EQ(tz.OffsetAt(Utc(2026, 7, 15, 12, 0)), 7200);
  // 2026: clocks go forward on 29 March at 01:00 UTC, back on 25 October at 01:00 UTC.
  EXPECT_EQ(tz.OffsetAt(Utc(2026, 3, 29, 0, 59)), 3600);
  EXPECT_EQ(tz.OffsetAt(Utc(2026, 3, 29, 1, 0)), 7200);
  EXPECT_EQ(tz.OffsetAt(Utc(2026, 10, 25, 0, 59)), 7200);
  EXPECT_EQ(tz.OffsetAt(Utc(2026, 10, 25, 1, 0)), 3600);
  // Local -> UTC on ordinary days.
  EXPECT_EQ(tz.ToUtc({2026, 11, 23, 19, 30, 0}), Utc(2026, 11, 23, 18, 30));
  EXPECT_EQ(tz.ToUtc({2026, 6, 1, 19, 30, 0}), Utc(2026, 6, 1, 17, 30));
  // The skipped hour moves forward; the repeated hour takes the first one.
  EXPECT_EQ(tz.ToUtc({2026, 3, 29, 2, 30, 0}), Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(tz.ToUtc({2026, 10, 25, 2, 30, 0}), Utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(tz.ToUtc({2026, 10, 25, 3, 0, 0}), Utc(2026, 10, 25, 2, 0));
  // Far beyond the transitions in the file (the footer rule applies).
  EXPECT_EQ(tz.OffsetAt(Utc(2050, 3, 27, 0, 59)), 3600);
  EXPECT_EQ(tz.OffsetAt(Utc(2050, 3, 27, 1, 0)), 7200);
  EXPECT_EQ(tz.OffsetAt(Utc(2050, 10, 30, 1, 0)), 3600);
  EXPECT_EQ(tz.ToLocal(Utc(2026, 7, 1, 22, 30)), (LocalDateTime{2026, 7, 2, 0, 30, 0}));
  // Round trip every hour of a year.
  for (int64_t t = Utc(2027, 1, 1, 0, 0); t < Utc(2028, 1, 1, 0, 0); t += 3600) {
    LocalDateTime l = tz.ToLocal(t);
    int64_t back = tz.ToUtc(l);
    if (back != t) {
      // Only the repeated hour in October may map to the earlier instant.
      EXPECT_EQ(back, t - 3600) << t;
    }
  }
}

TEST(TimeZoneTest, AmsterdamFromTheTzDatabase) {
  std::string bytes = ReadFile("/usr/share/zoneinfo/Europe/Amsterdam");
  ASSERT_FALSE(bytes.empty()) << "tzdata is installed (tools/setup.sh)";
  auto tz = TimeZone::FromTzif(bytes);
  ASSERT_TRUE(tz.has_value()) << tz.error().detail;
  ExpectAmsterdam(*tz);
  // Historic: 1 January 1970 was CET already.
  EXPECT_EQ(tz->OffsetAt(0), 3600);
}

TEST(TimeZoneTest, AmsterdamFromThePosixRule) {
  auto tz = TimeZone::FromPosixRule("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(tz.has_value()) << tz.error().detail;
  ExpectAmsterdam(*tz);
}

TEST(TimeZoneTest, RejectsBrokenInput) {
  EXPECT_FALSE(TimeZone::FromTzif("").has_value());
  EXPECT_FALSE(TimeZone::FromTzif("TZif2 nonsense").has_value());
  std::string bytes = ReadFile("/usr/share/zoneinfo/Europe/Amsterdam");
  ASSERT_GT(bytes.size(), 200u);
  EXPECT_FALSE(TimeZone::FromTzif(bytes.substr(0, 200)).has_value()) << "truncated";
  EXPECT_FALSE(TimeZone::FromPosixRule("CET").has_value());
  EXPECT_FALSE(TimeZone::FromPosixRule("CET-1CEST,J60,J300").has_value());
  EXPECT_FALSE(TimeZone::FromPosixRule("CET-1CEST,M13.5.0,M10.5.0/3").has_value());
  EXPECT_TRUE(TimeZone::FromPosixRule("UTC0").has_value());
}

TEST(TimeZoneTest, CivilDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(CivilFromUnix(-1), (LocalDateTime{1969, 12, 31, 23, 59, 59}));
  EXPECT_EQ(Weekday(2026, 11, 23), 1);  // a Monday
  EXPECT_EQ(Weekday(1969, 12, 28), 0);  // a Sunday
  EXPECT_TRUE(IsValidLocal({2028, 2, 29, 0, 0, 0}));
  EXPECT_FALSE(IsValidLocal({2027, 2, 29, 0, 0, 0}));
  EXPECT_FALSE(IsValidLocal({2026, 4, 31, 0, 0, 0}));
  EXPECT_FALSE(IsValidLocal({2026, 4, 1, 24, 0, 0}));
  EXPECT_EQ(TimeZone::Utc().OffsetAt(12345), 0);
  EXPECT_EQ(AddDays({2026, 12, 31, 15, 0, 0}, 1), (LocalDateTime{2027, 1, 1, 0, 0, 0}));
  EXPECT_EQ(AddDays({2028, 3, 1}, -1), (LocalDateTime{2028, 2, 29, 0, 0, 0}));
}

}  // namespace
}  // namespace wp::time
