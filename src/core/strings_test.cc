#include "core/strings.h"

#include <gtest/gtest.h>

#include "core/random.h"

namespace wp {
namespace {

TEST(StringsTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("Schalkwijk \xE2\x82\xAC caf\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(StringsTest, Slugify) {
  EXPECT_EQ(Slugify("Oude Stad"), "oude-stad");
  EXPECT_EQ(Slugify("  Zuidwest!! "), "zuidwest");
  EXPECT_EQ(Slugify("Caf\xC3\xA9 H\xC3\xB6" "fje"), "cafe-hofje");
}

TEST(StringsTest, Encodings) {
  EXPECT_EQ(ToHex("\x01\xff"), "01ff");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64UrlEncode("abc"), "YWJj");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(RandomTest, SeededIsReproducibleAndUniformIsBounded) {
  SeededRandom a(42), b(42);
  EXPECT_EQ(a.Hex(16), b.Hex(16));
  for (int i = 0; i < 1000; ++i) EXPECT_LT(a.Uniform(7), 7u);
  SecureRandom s;
  EXPECT_NE(s.Token(32), s.Token(32));
  EXPECT_EQ(s.Token(32).size(), 43u);
}

}  // namespace
}  // namespace wp
