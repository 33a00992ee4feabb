// Money: an amount in euro cents (int64). This type only guards arithmetic
// and parsing; formatting for people is i18n::FormatMoney (core/i18n/locale_rules.h).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wp {

struct Money {
  int64_t cents = 0;
  static Money FromEuros(int64_t euros) { return Money{euros * 100}; }
  auto operator<=>(const Money&) const = default;
  Money operator+(Money o) const { return Money{cents + o.cents}; }
  Money operator-(Money o) const { return Money{cents - o.cents}; }
};

// Parses "1234", "1234,50", "1.234,50", "1234.50", "€ 1.234" into cents.
// Returns nullopt for anything else (negative amounts, more than 2 decimals).
std::optional<Money> ParseMoney(std::string_view text);

}  // namespace wp
