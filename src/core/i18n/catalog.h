// Catalog: translated UI strings for the supported locales ("nl", the
// default, and "en"). Keys are flat and namespaced by feature, e.g.
// "accounts.login.title". Messages may hold {name} placeholders.
// Thread-safe for lookups once loading is done.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "core/result.h"

namespace wp::i18n {

inline constexpr std::string_view kDefaultLocale = "nl";
inline const std::vector<std::string>& SupportedLocales() {
  static const std::vector<std::string> kLocales = {"nl", "en"};
  return kLocales;
}
bool IsSupportedLocale(std::string_view locale);

class Catalog {
 public:
  // Adds the messages of a JSON object {"key": "message", ...} for `locale`.
  // Errors: bad JSON, a non-string value, or a key defined twice.
  Result<void> AddJson(std::string_view locale, std::string_view json_text, std::string_view source_name);
  // Adds every "<locale>.json" among `files` (e.g. "i18n/nl.json").
  Result<void> AddFiles(std::span<const EmbeddedFile> files);

  // The message for `key` in `locale`, falling back to the default locale,
  // then to the key itself (so a missing string is visible, never empty).
  std::string_view Lookup(std::string_view locale, std::string_view key) const;
  bool Has(std::string_view locale, std::string_view key) const;
  // Lookup with {name} placeholders filled from `args` (name, value) pairs.
  std::string Format(std::string_view locale, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& args = {}) const;

  // Keys present in one locale but missing in another: "en: missing accounts.x".
  std::vector<std::string> Inconsistencies() const;
  size_t size(std::string_view locale) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> messages_;
};

// Replaces {name} placeholders in `message` by values from `args`; unknown
// placeholders stay as they are.
std::string FillPlaceholders(std::string_view message, const std::vector<std::pair<std::string, std::string>>& args);

// Formats a whole number with the locale's thousands separator:
// 14745 -> "14.745" (nl) or "14,745" (en).
std::string FormatInteger(int64_t value, std::string_view locale);
// Formats a number with `decimals` digits after the locale's decimal mark.
std::string FormatDecimal(double value, int decimals, std::string_view locale);

}  // namespace wp::i18n
