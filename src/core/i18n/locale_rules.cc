#include "core/i18n/locale_rules.h"

#include <cmath>

namespace wp::i18n {

namespace {

// CLDR cardinal rule of Dutch and English (and many other Germanic
// languages): "one" when the integer part is 1 and no fraction is shown
// ("1 stem"), "other" for everything else ("0 stemmen", "1,5 uur").
PluralCategory OneIfIntegerOne(const PluralOperands& n) {
  return n.i == 1 && n.v == 0 ? PluralCategory::kOne : PluralCategory::kOther;
}

// The table of supported locales; the first entry is the default.
constexpr LocaleRules kRules[] = {
    {"nl", '.', ',', "\xE2\x82\xAC\xC2\xA0", OneIfIntegerOne},  // "€ 12.000,50" (euro sign, no-break space)
    {"en", ',', '.', "\xE2\x82\xAC", OneIfIntegerOne},          // "€12,000.50"
};

// Inserts `sep` between groups of three digits of a run of digits.
std::string GroupDigits(std::string_view digits, char sep) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

uint64_t Magnitude(int64_t value) {
  return value < 0 ? static_cast<uint64_t>(-(value + 1)) + 1 : static_cast<uint64_t>(value);
}

// `value` rounded half away from zero to `decimals` digits, as an integer
// number of 10^-decimals units, without its sign.
uint64_t ScaledMagnitude(double value, int decimals) {
  return static_cast<uint64_t>(std::llround(std::fabs(value) * std::pow(10.0, decimals)));
}

uint64_t PowerOfTen(int n) {
  uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

std::string_view PluralCategoryName(PluralCategory c) {
  switch (c) {
    case PluralCategory::kZero:
      return "zero";
    case PluralCategory::kOne:
      return "one";
    case PluralCategory::kTwo:
      return "two";
    case PluralCategory::kFew:
      return "few";
    case PluralCategory::kMany:
      return "many";
    case PluralCategory::kOther:
      return "other";
  }
  return "other";
}

bool IsPluralKeyword(std::string_view word) {
  for (auto c : {PluralCategory::kZero, PluralCategory::kOne, PluralCategory::kTwo, PluralCategory::kFew,
                 PluralCategory::kMany, PluralCategory::kOther}) {
    if (PluralCategoryName(c) == word) return true;
  }
  return false;
}

const std::vector<std::string>& SupportedLocales() {
  static const std::vector<std::string> kLocales = [] {
    std::vector<std::string> out;
    for (const auto& r : kRules) out.emplace_back(r.locale);
    return out;
  }();
  return kLocales;
}

bool IsSupportedLocale(std::string_view locale) {
  for (const auto& r : kRules) {
    if (r.locale == locale) return true;
  }
  return false;
}

const LocaleRules& RulesFor(std::string_view locale) {
  for (const auto& r : kRules) {
    if (r.locale == locale) return r;
  }
  return kRules[0];
}

PluralCategory CardinalCategory(std::string_view locale, const PluralOperands& n) {
  return RulesFor(locale).cardinal(n);
}

std::string FormatInteger(int64_t value, std::string_view locale) {
  std::string out = value < 0 ? "-" : "";
  return out + GroupDigits(std::to_string(Magnitude(value)), RulesFor(locale).group_separator);
}

std::string FormatDecimal(double value, int decimals, std::string_view locale) {
  if (decimals < 0) decimals = 0;
  const LocaleRules& r = RulesFor(locale);
  uint64_t scaled = ScaledMagnitude(value, decimals);
  uint64_t unit = PowerOfTen(decimals);
  std::string out = value < 0 && scaled != 0 ? "-" : "";
  out += GroupDigits(std::to_string(scaled / unit), r.group_separator);
  if (decimals > 0) {
    std::string frac = std::to_string(scaled % unit);
    out += r.decimal_mark;
    out += std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::string FormatMoney(Money m, std::string_view locale) {
  const LocaleRules& r = RulesFor(locale);
  uint64_t cents = Magnitude(m.cents);
  std::string out = m.cents < 0 ? "-" : "";
  out += r.money_prefix;
  out += GroupDigits(std::to_string(cents / 100), r.group_separator);
  if (cents % 100 != 0) {
    out += r.decimal_mark;
    out += static_cast<char>('0' + cents % 100 / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

PluralOperands OperandsOfDecimal(double value, int decimals) {
  if (decimals < 0) decimals = 0;
  uint64_t scaled = ScaledMagnitude(value, decimals);
  uint64_t unit = PowerOfTen(decimals);
  return PluralOperands{scaled / unit, decimals, scaled % unit};
}

}  // namespace wp::i18n
