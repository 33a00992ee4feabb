#include "core/i18n/locale_rules.h"

#include <gtest/gtest.h>

namespace wp::i18n {
namespace {

constexpr const char* kNbsp = "\xC2\xA0";
constexpr const char* kEuro = "\xE2\x82\xAC";

TEST(LocaleRulesTest, SupportsDutchFirstThenEnglish) {
  ASSERT_EQ(SupportedLocales(), (std::vector<std::string>{"nl", "en"}));
  EXPECT_TRUE(IsSupportedLocale("en"));
  EXPECT_FALSE(IsSupportedLocale("de"));
  EXPECT_EQ(RulesFor("de").locale, "nl");  // unknown locales get the default's rules
}

TEST(LocaleRulesTest, GroupsIntegersPerLocale) {
  struct Case {
    int64_t value;
    const char* nl;
    const char* en;
  } cases[] = {
      {0, "0", "0"},
      {7, "7", "7"},
      {999, "999", "999"},
      {1000, "1.000", "1,000"},
      {14745, "14.745", "14,745"},
      {-1234567, "-1.234.567", "-1,234,567"},
      {INT64_MIN, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatInteger(c.value, "nl"), c.nl);
    EXPECT_EQ(FormatInteger(c.value, "en"), c.en);
  }
}

TEST(LocaleRulesTest, FormatsDecimalsWithTheLocaleMark) {
  EXPECT_EQ(FormatDecimal(1234.5, 2, "nl"), "1.234,50");
  EXPECT_EQ(FormatDecimal(1234.5, 2, "en"), "1,234.50");
  EXPECT_EQ(FormatDecimal(2.25, 1, "nl"), "2,3");   // half away from zero
  EXPECT_EQ(FormatDecimal(-0.04, 1, "nl"), "0,0");  // no "-0,0"
  EXPECT_EQ(FormatDecimal(-2.5, 0, "en"), "-3");
  EXPECT_EQ(FormatDecimal(0.05, 2, "en"), "0.05");
}

TEST(LocaleRulesTest, FormatsMoneyPerLocale) {
  EXPECT_EQ(FormatMoney(Money{1200000}, "nl"), std::string(kEuro) + kNbsp + "12.000");
  EXPECT_EQ(FormatMoney(Money{1200050}, "nl"), std::string(kEuro) + kNbsp + "12.000,50");
  EXPECT_EQ(FormatMoney(Money{1200000}, "en"), std::string(kEuro) + "12,000");
  EXPECT_EQ(FormatMoney(Money{1200050}, "en"), std::string(kEuro) + "12,000.50");
  EXPECT_EQ(FormatMoney(Money{5}, "en"), std::string(kEuro) + "0.05");
  EXPECT_EQ(FormatMoney(Money{-150}, "nl"), std::string("-") + kEuro + kNbsp + "1,50");
}

// CLDR: nl and en are "one" for i = 1 and v = 0, "other" otherwise.
TEST(LocaleRulesTest, CardinalPluralOfDutchAndEnglish) {
  struct Case {
    PluralOperands n;
    PluralCategory want;
  } cases[] = {
      {{0, 0, 0}, PluralCategory::kOther},    {{1, 0, 0}, PluralCategory::kOne},   {{2, 0, 0}, PluralCategory::kOther},
      {{1000, 0, 0}, PluralCategory::kOther}, {{1, 1, 0}, PluralCategory::kOther},  // "1,0"
      {{1, 2, 50}, PluralCategory::kOther},                                         // "1,50"
      {{0, 1, 5}, PluralCategory::kOther},                                          // "0,5"
      {{21, 0, 0}, PluralCategory::kOther},
  };
  for (const char* locale : {"nl", "en"}) {
    for (const auto& c : cases) {
      EXPECT_EQ(CardinalCategory(locale, c.n), c.want) << locale << " i=" << c.n.i << " v=" << c.n.v;
    }
  }
}

TEST(LocaleRulesTest, OperandsOfDecimalFollowTheShownDigits) {
  PluralOperands n = OperandsOfDecimal(1.0, 1);
  EXPECT_EQ(n.i, 1u);
  EXPECT_EQ(n.v, 1);
  EXPECT_EQ(n.f, 0u);
  n = OperandsOfDecimal(2.456, 2);
  EXPECT_EQ(n.i, 2u);
  EXPECT_EQ(n.f, 46u);
  n = OperandsOfDecimal(0.999, 0);
  EXPECT_EQ(n.i, 1u);
  EXPECT_EQ(n.v, 0);
}

TEST(LocaleRulesTest, NamesEveryPluralKeyword) {
  for (const char* w : {"zero", "one", "two", "few", "many", "other"}) EXPECT_TRUE(IsPluralKeyword(w)) << w;
  EXPECT_FALSE(IsPluralKeyword("several"));
  EXPECT_EQ(PluralCategoryName(PluralCategory::kOne), "one");
}

}  // namespace
}  // namespace wp::i18n
