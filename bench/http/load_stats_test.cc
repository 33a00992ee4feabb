#include "load_stats.h"

#include <gtest/gtest.h>

namespace wp::bench {
namespace {

TEST(LatencyHistogramTest, ExactBelowOneMillisecond) {
  LatencyHistogram h;
  EXPECT_EQ(h.Percentile(0.5), 0);
  for (int us = 1; us <= 100; ++us) h.Record(us);
  EXPECT_EQ(h.total(), 100u);
  EXPECT_EQ(h.Percentile(0.5), 50);
  EXPECT_EQ(h.Percentile(0.99), 99);
  EXPECT_EQ(h.Percentile(1.0), 100);
  EXPECT_EQ(h.max(), 100);
}

TEST(LatencyHistogramTest, RelativeErrorStaysSmallForLargeValues) {
  for (int64_t value : {1024LL, 1500LL, 12345LL, 999999LL, 3600LL * 1000 * 1000}) {
    LatencyHistogram h;
    h.Record(value);
    h.Record(value * 2);  // so the percentile is not capped by max()
    int64_t p = h.Percentile(0.0);
    EXPECT_GE(p, value);
    EXPECT_LE(static_cast<double>(p), static_cast<double>(value) * 1.002 + 1) << value;
  }
}

TEST(LatencyHistogramTest, MergeAddsCounts) {
  LatencyHistogram a, b;
  for (int i = 0; i < 90; ++i) a.Record(10);
  for (int i = 0; i < 10; ++i) b.Record(5000);
  a.Merge(b);
  EXPECT_EQ(a.total(), 100u);
  EXPECT_EQ(a.Percentile(0.5), 10);
  EXPECT_GE(a.Percentile(0.99), 5000);
  EXPECT_EQ(a.max(), 5000);
}

TEST(ScrapeCsrfTest, FindsTheHiddenField) {
  EXPECT_EQ(ScrapeCsrf(R"(<form><input type="hidden" name="_csrf" value="abc-123_x"></form>)"), "abc-123_x");
  EXPECT_EQ(ScrapeCsrf(R"(<input value="v1" type=hidden name="_csrf">)"), "v1");
  EXPECT_EQ(ScrapeCsrf(R"(<input name='_csrf' value='single'>)"), "single");
  EXPECT_EQ(ScrapeCsrf(R"(<input name="csrf" value="no">)"), "");
  EXPECT_EQ(ScrapeCsrf("no form here"), "");
}

TEST(UrlEncodeTest, EncodesReservedCharacters) {
  EXPECT_EQ(UrlEncode("a+b/c=d e"), "a%2Bb%2Fc%3Dd%20e");
  EXPECT_EQ(UrlEncode("Az09-_.~"), "Az09-_.~");
}

TEST(ParsePositiveIntTest, OnlyAWholePositiveNumber) {
  int v = 7;
  EXPECT_TRUE(ParsePositiveInt("64", v));
  EXPECT_EQ(v, 64);
  for (const char* bad : {"0", "-3", "12x", "", "x", "99999999999"}) {
    v = 7;
    EXPECT_FALSE(ParsePositiveInt(bad, v)) << bad;
    EXPECT_EQ(v, 7) << bad;
  }
}

}  // namespace
}  // namespace wp::bench
