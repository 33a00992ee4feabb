#include "core/strings.h"

#include <gtest/gtest.h>

#include "core/random.h"
#include "core/xml.h"

namespace wp {
namespace {

TEST(CsvTextTest, QuotesWhatNeedsItAndDisarmsFormulas) {
  EXPECT_EQ(CsvText("Groen"), "Groen");
  EXPECT_EQ(CsvText("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvText("zeg \"ja\""), "\"zeg \"\"ja\"\"\"");
  EXPECT_EQ(CsvText("twee\nregels"), "\"twee\nregels\"");
  EXPECT_EQ(CsvText("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(CsvText("-1;2"), "\"'-1;2\"");
  EXPECT_EQ(CsvText(""), "");
}

TEST(StringsTest, CharactersAreCodePointsAndControlCharactersAreFound) {
  EXPECT_EQ(CountChars(""), 0u);
  EXPECT_EQ(CountChars("caf\xC3\xA9"), 4u);          // é is two bytes, one character
  EXPECT_EQ(CountChars("\xE2\x82\xAC 5"), 3u);        // € is three bytes
  EXPECT_EQ(CountChars("\xF0\x9F\x8C\xB3"), 1u);     // a tree emoji, four bytes
  EXPECT_FALSE(HasControlCharacters("Zijlweg 12", false));
  EXPECT_TRUE(HasControlCharacters("regel\nregel", false));
  EXPECT_FALSE(HasControlCharacters("regel\r\nregel\tmeer", true));
  EXPECT_TRUE(HasControlCharacters(std::string("nul\0teken", 9), true));
  EXPECT_TRUE(HasControlCharacters("del\x7f", true));
  EXPECT_FALSE(HasControlCharacters("caf\xC3\xA9", false)) << "UTF-8 continuation bytes are not control characters";
}

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
  EXPECT_EQ(Slugify("Caf\xC3\xA9 H\xC3\xB6"
                    "fje"),
            "cafe-hofje");
}

TEST(StringsTest, Encodings) {
  EXPECT_EQ(ToHex("\x01\xff"), "01ff");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64UrlEncode("abc"), "YWJj");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(StringsTest, FromHexIsTheInverseOfToHexAndRefusesBadInput) {
  std::string bytes("\x00\x01\x7f\x80\xff", 5);
  EXPECT_EQ(FromHex(ToHex(bytes)), bytes);
  EXPECT_EQ(FromHex("ABcd"), std::string("\xab\xcd"));
  EXPECT_EQ(FromHex(""), std::string());
  EXPECT_FALSE(FromHex("abc").has_value()) << "odd length";
  EXPECT_FALSE(FromHex("zz").has_value());
}

TEST(StringsTest, ParseIdAcceptsOnlyPlainPositiveIntegers) {
  EXPECT_EQ(ParseId("1"), 1);
  EXPECT_EQ(ParseId("9223372036854775807"), INT64_MAX);
  for (const char* bad :
       {"", "0", "-1", "+1", "01", " 1", "1 ", "1a", "0x10", "9223372036854775808", "99999999999999999999"}) {
    EXPECT_FALSE(ParseId(bad).has_value()) << bad;
  }
}

TEST(RandomTest, SeededIsReproducibleAndUniformIsBounded) {
  SeededRandom a(42), b(42);
  EXPECT_EQ(a.Hex(16), b.Hex(16));
  for (int i = 0; i < 1000; ++i) EXPECT_LT(a.Uniform(7), 7u);
  SecureRandom s;
  EXPECT_NE(s.Token(32), s.Token(32));
  EXPECT_EQ(s.Token(32).size(), 43u);
}

TEST(XmlEscape, EntitiesAndCharactersXmlForbids) {
  EXPECT_EQ(XmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
  EXPECT_EQ(XmlEscape(std::string("x\x01\x0by\tz\r\n")), "xy\tz\r\n") << "C0 controls other than tab and line ends";
  EXPECT_EQ(XmlEscape("Zijlweg-West \xE2\x82\xAC"), "Zijlweg-West \xE2\x82\xAC") << "UTF-8 passes";
  EXPECT_EQ(HtmlEscape(std::string("a\x01")), std::string("a\x01")) << "HTML escaping keeps what it is given";
}

}  // namespace
}  // namespace wp
