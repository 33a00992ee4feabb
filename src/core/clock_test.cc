#include "core/clock.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(IsoTimeTest, FormatsUtc) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(1767225600 + 5400), "2026-01-01T01:30:00Z");
  EXPECT_EQ(FormatIsoUtc(1709251199), "2024-02-29T23:59:59Z");
  EXPECT_EQ(FormatIsoUtc(-1), "1969-12-31T23:59:59Z");
}

TEST(FakeClockTest, OnlyMovesWhenTold) {
  FakeClock clock(100);
  EXPECT_EQ(clock.NowUnixSeconds(), 100);
  clock.Advance(std::chrono::seconds(5));
  EXPECT_EQ(clock.NowUnixSeconds(), 105);
}

}  // namespace
}  // namespace wp
