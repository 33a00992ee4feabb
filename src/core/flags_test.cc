#include "core/flags.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

const std::vector<FlagSpec> kSpecs = {
    {"email", true, false, "e-mail"}, {"role", true, true, "role"}, {"json", false, false, "json"}};

TEST(FlagsTest, ParsesValuesBooleansAndRepeats) {
  auto f = Flags::Parse({"--email", "a@b.nl", "--role=x", "--role", "y", "--json", "pos"}, kSpecs);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->Get("email"), "a@b.nl");
  EXPECT_EQ(f->GetAll("role"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(f->Has("json"));
  EXPECT_EQ(f->positional(), (std::vector<std::string>{"pos"}));
}

TEST(FlagsTest, RejectsUnknownMissingValueAndDuplicates) {
  EXPECT_FALSE(Flags::Parse({"--nope"}, kSpecs).has_value());
  EXPECT_FALSE(Flags::Parse({"--email"}, kSpecs).has_value());
  EXPECT_FALSE(Flags::Parse({"--email", "a", "--email", "b"}, kSpecs).has_value());
  EXPECT_FALSE(Flags::Parse({"--json=1"}, kSpecs).has_value());
  EXPECT_NE(FlagHelp(kSpecs).find("--role VALUE"), std::string::npos);
}

}  // namespace
}  // namespace wp
