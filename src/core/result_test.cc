#include "core/result.h"

#include <gtest/gtest.h>

#include <string>

namespace wp {
namespace {

Result<int> Half(int x) {
  if (x % 2) return InvalidInput("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  WP_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

Result<void> CheckEven(int x) {
  WP_TRY_VOID(Half(x));
  return Ok();
}

TEST(ResultTest, CarriesValueOrError) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(CheckEven(4).has_value());
  EXPECT_FALSE(CheckEven(3).has_value());
  Result<std::string> s = std::string("x");
  EXPECT_EQ(s->size(), 1u);
  EXPECT_EQ(Result<int>(NotFound("n")).value_or(7), 7);
}

}  // namespace
}  // namespace wp
