#include "core/money.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(ParseMoneyTest, AcceptsDutchAndEnglishNotations) {
  struct Case { const char* in; int64_t cents; } cases[] = {
      {"1234", 123400}, {"1234,50", 123450}, {"1.234,50", 123450}, {"1234.5", 123450},
      {"\xE2\x82\xAC 70.000", 7000000}, {"EUR 15", 1500}, {" 0,99 ", 99}, {"1,234,567.89", 123456789},
  };
  for (const auto& c : cases) {
    auto m = ParseMoney(c.in);
    ASSERT_TRUE(m.has_value()) << c.in;
    EXPECT_EQ(m->cents, c.cents) << c.in;
  }
}

TEST(ParseMoneyTest, RejectsGarbage) {
  for (const char* in : {"", "abc", "-5", "12,345,6", "1.2.3", "12.3456", ",50", "1e5", "99999999999999999"}) {
    EXPECT_FALSE(ParseMoney(in).has_value()) << in;
  }
}

}  // namespace
}  // namespace wp
