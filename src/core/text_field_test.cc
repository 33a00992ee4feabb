#include "core/text_field.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

constexpr TextFieldKeys kKeys{"t.missing", "t.too_long", "t.bad"};

TEST(TextFieldTest, OneProblemAtMostInTheOrderMissingTooLongBadCharacters) {
  struct Case {
    std::string value;
    TextRule rule;
    std::string want_key;  // empty: no problem
  } cases[] = {
      {"", {10, true, false}, "t.missing"},
      {"  \t ", {10, true, false}, "t.missing"},
      {"", {10, false, false}, ""},
      {"   ", {10, false, false}, ""},
      {"Bankje", {10, true, false}, ""},
      {"Bankje bij", {10, true, false}, ""},  // exactly the limit
      {"Bankje bij de", {10, true, false}, "t.too_long"},
      {"één twee d", {10, true, false}, ""},  // characters, not bytes
      {"regel\nregel", {20, true, false}, "t.bad"},
      {"regel\nregel", {20, true, true}, ""},
      {"bel\x07", {20, false, true}, "t.bad"},
      {"bel\x07 en veel te lang", {5, true, true}, "t.too_long"},
  };
  for (const auto& c : cases) {
    std::vector<FieldError> errors;
    CheckTextField(errors, "title", c.value, c.rule, kKeys);
    if (c.want_key.empty()) {
      EXPECT_TRUE(errors.empty()) << c.value;
      continue;
    }
    ASSERT_EQ(errors.size(), 1u) << c.value;
    EXPECT_EQ(errors[0].field, "title");
    EXPECT_EQ(errors[0].message_key, c.want_key) << c.value;
    if (c.want_key == "t.too_long") {
      ASSERT_EQ(errors[0].args.size(), 1u);
      EXPECT_EQ(std::get<int64_t>(errors[0].args[0].second), static_cast<int64_t>(c.rule.max_chars));
    }
  }
}

TEST(TextFieldTest, AppendsToWhatIsThere) {
  std::vector<FieldError> errors{{"other", "x.y"}};
  CheckTextField(errors, "a", "", {5, true, false}, kKeys);
  CheckTextField(errors, "b", "ok", {5, true, false}, kKeys);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].field, "a");
}

}  // namespace
}  // namespace wp
