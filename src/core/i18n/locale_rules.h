// Locale rules: how each supported language writes numbers and money and
// which plural form a number takes. One table entry per language
// (locale_rules.cc), so adding a language is adding one entry.
// Pure: no I/O; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"

namespace wp::i18n {

inline constexpr std::string_view kDefaultLocale = "nl";

// The CLDR plural categories. Dutch and English use only kOne and kOther.
enum class PluralCategory { kZero, kOne, kTwo, kFew, kMany, kOther };

// The CLDR keyword of a category ("one", "other", ...).
std::string_view PluralCategoryName(PluralCategory c);
// True for the six CLDR keywords ("zero" ... "other").
bool IsPluralKeyword(std::string_view word);

// The CLDR plural operands of a number as it is shown: i is the integer part,
// v the number of visible fraction digits (trailing zeros included), f those
// digits as an integer. 1 -> {1, 0, 0}; "1,0" -> {1, 1, 0}; "2,50" -> {2, 2, 50}.
struct PluralOperands {
  uint64_t i = 0;
  int v = 0;
  uint64_t f = 0;
};

struct LocaleRules {
  std::string_view locale;        // "nl"
  char group_separator;           // between groups of three digits
  char decimal_mark;              // before the fraction digits
  std::string_view money_prefix;  // before the amount, e.g. "€" + no-break space
  // The cardinal plural category (CLDR "plurals.xml") of a number.
  PluralCategory (*cardinal)(const PluralOperands&);
};

// Every supported locale, the default (nl) first.
const std::vector<std::string>& SupportedLocales();
bool IsSupportedLocale(std::string_view locale);
// The rules of `locale`; unknown locales get the default locale's rules.
const LocaleRules& RulesFor(std::string_view locale);

PluralCategory CardinalCategory(std::string_view locale, const PluralOperands& n);

// A whole number with the locale's group separator: 14745 -> "14.745" (nl),
// "14,745" (en).
std::string FormatInteger(int64_t value, std::string_view locale);
// A number rounded (half away from zero) to `decimals` fraction digits, with
// the locale's separators: (1234.5, 2) -> "1.234,50" (nl), "1,234.50" (en).
std::string FormatDecimal(double value, int decimals, std::string_view locale);
// An amount of money: "€ 12.000" and "€ 12.000,50" (nl, with a no-break
// space), "€12,000" and "€12,000.50" (en). Whole euros drop the cents.
std::string FormatMoney(Money m, std::string_view locale);

// The plural operands of FormatDecimal(value, decimals, ...)'s output.
PluralOperands OperandsOfDecimal(double value, int decimals);

}  // namespace wp::i18n
