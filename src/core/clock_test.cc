#include "core/clock.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(IsoTimeTest, RoundTrips) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(ParseIsoUtc("2026-01-01"), 1767225600);
  EXPECT_EQ(ParseIsoUtc("2026-01-01T00:00:00Z"), 1767225600);
  EXPECT_EQ(ParseIsoUtc("2026-01-01T01:30"), 1767225600 + 5400);
  EXPECT_EQ(FormatIsoUtc(ParseIsoUtc("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
}

TEST(IsoTimeTest, RejectsBadDates) {
  for (const char* in : {"", "2026-13-01", "2026-02-30", "2026-1-1", "yesterday", "2026-01-01T25:00", "2026-01-01X"}) {
    EXPECT_EQ(ParseIsoUtc(in), -1) << in;
  }
}

TEST(FakeClockTest, OnlyMovesWhenTold) {
  FakeClock clock(100);
  EXPECT_EQ(clock.NowUnixSeconds(), 100);
  clock.Advance(std::chrono::seconds(5));
  EXPECT_EQ(clock.NowUnixSeconds(), 105);
}

}  // namespace
}  // namespace wp
