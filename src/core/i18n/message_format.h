// Message formatting: a subset of ICU MessageFormat for the catalogs.
//
//   {name}                       the argument as text; numbers are grouped per locale
//                                ("1.000" in nl), money gets its euro sign
//   {n, number}                  the same, for a number argument
//   {count, plural, =0 {geen stemmen} one {# stem} other {# stemmen}}
//                                a plural: an exact value (=0) wins, then the CLDR
//                                category of the locale (locale_rules.h); `other` is
//                                required; `#` is the number, formatted per locale
//   {kind, select, paper {op papier} other {online}}
//                                a choice by the argument's text; `other` is required
//
// Argument names are letters, digits, '_' and '.' (templates use dotted paths
// such as {district.name}). Unlike ICU, an apostrophe is plain text (Dutch uses
// it often: "foto's"), so there is no quoting: a message cannot show a literal
// '{' or '}', nor a literal '#' inside a plural.
// Pure: no I/O; a parsed Message is immutable and thread-safe.
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n/locale_rules.h"
#include "core/money.h"
#include "core/result.h"

namespace wp::i18n {

// A number with a fixed count of fraction digits, e.g. {2.5, 1} -> "2,5".
struct Decimal {
  double value = 0;
  int digits = 0;
};

// One argument of a message: a whole number (counts), a decimal, an amount
// of money or text. Counts are passed as numbers, never pre-formatted, so the
// message can choose its plural form and format them for the locale.
// Identifiers that are not quantities (years, letter numbers) are text.
class Arg {
 public:
  enum class Kind { kInteger, kDecimal, kMoney, kText };

  Arg(std::string text) : kind_(Kind::kText), text_(std::move(text)) {}  // NOLINT: implicit by design
  Arg(std::string_view text) : kind_(Kind::kText), text_(text) {}        // NOLINT
  Arg(const char* text) : kind_(Kind::kText), text_(text) {}             // NOLINT
  template <std::integral I>
  requires(!std::same_as<I, bool> && !std::same_as<I, char>) Arg(I value)
      : kind_(Kind::kInteger), integer_(static_cast<int64_t>(value)) {}  // NOLINT
  Arg(Decimal d) : kind_(Kind::kDecimal), decimal_(d) {}                 // NOLINT
  Arg(Money m) : kind_(Kind::kMoney), integer_(m.cents) {}               // NOLINT

  Kind kind() const { return kind_; }
  // The argument as shown in `locale`: "1.000", "2,5", "€ 12.000", or the text.
  std::string Format(std::string_view locale) const;
  // The CLDR plural operands of the shown number; nullopt for text.
  std::optional<PluralOperands> Operands() const;
  bool IsNegative() const;
  // The value a `select` compares with its keys: the text, a whole number
  // without grouping ("1000"), or another number as shown in English.
  std::string SelectKey() const;

 private:
  Kind kind_;
  int64_t integer_ = 0;  // kInteger; cents for kMoney
  Decimal decimal_;
  std::string text_;
};

// Named arguments: ctx.T("x", {{"count", 3}, {"plan", plan.title}, {"total", Money{1250}}}).
using Args = std::vector<std::pair<std::string, Arg>>;
// Finds an argument by name (nullopt: none); templates look names up in their data.
using ArgLookup = std::function<std::optional<Arg>(std::string_view name)>;

// A plural inside a message, for checks: its argument and whether it has a
// form for exactly one (`one` or `=1`).
struct PluralUse {
  std::string argument;
  bool has_one = false;
};

class Message {
 public:
  // Parses `text`. Errors (kInvalidInput) say what is wrong and where: an
  // unclosed or stray brace, an empty argument name, an unknown type, a
  // plural or select without `other`, an unknown plural keyword, a
  // selector given twice.
  static Result<Message> Parse(std::string_view text);

  // The message with its arguments filled in for `locale`. A missing
  // argument stays visible as "{name}" (a plural then takes `other`).
  std::string Format(std::string_view locale, const Args& args) const;
  std::string Format(std::string_view locale, const ArgLookup& lookup) const;

  // The names of all arguments, sorted, each once.
  std::vector<std::string> ArgumentNames() const;
  // The plurals, in order of appearance (nested ones included).
  std::vector<PluralUse> Plurals() const;
  const std::string& source() const { return source_; }

  struct Part;

 private:
  std::string source_;
  std::shared_ptr<const std::vector<Part>> parts_;
};

}  // namespace wp::i18n
