#include "features/signals/public_counts.h"

#include <gtest/gtest.h>

namespace wp::signals {
namespace {

TEST(PublicCountCache, KeepsCountsOnlyForTheSameVersionAndAShortTime) {
  PublicCountCache cache(10, 8);
  EXPECT_FALSE(cache.Get("district_code:WK039201", 5, 1000).has_value());
  cache.Put("district_code:WK039201", 5, 1000, {120, 7});
  auto kept = cache.Get("district_code:WK039201", 5, 1010);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->total, 120);
  EXPECT_EQ(kept->open, 7);
  // A new event (report, status change, merge) makes the count stale at once.
  EXPECT_FALSE(cache.Get("district_code:WK039201", 6, 1001).has_value());
  // So does time: signals leave the list 30 days after closing.
  EXPECT_FALSE(cache.Get("district_code:WK039201", 5, 1011).has_value());
  // And a clock that went back.
  EXPECT_FALSE(cache.Get("district_code:WK039201", 5, 999).has_value());
  // Other areas are separate.
  EXPECT_FALSE(cache.Get("district_code:WK039202", 5, 1000).has_value());
}

TEST(PublicCountCache, ForgetsEverythingWhenFull) {
  PublicCountCache cache(10, 2);
  cache.Put("a", 1, 0, {1, 0});
  cache.Put("b", 1, 0, {2, 0});
  cache.Put("b", 1, 1, {3, 0});  // replacing a kept area does not clear
  EXPECT_EQ(cache.Get("a", 1, 1)->total, 1);
  EXPECT_EQ(cache.Get("b", 1, 1)->total, 3);
  cache.Put("c", 1, 1, {4, 0});
  EXPECT_FALSE(cache.Get("a", 1, 1).has_value());
  EXPECT_FALSE(cache.Get("b", 1, 1).has_value());
  EXPECT_EQ(cache.Get("c", 1, 1)->total, 4);
}

}  // namespace
}  // namespace wp::signals
