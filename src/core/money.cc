#include "core/money.h"

#include <cctype>

#include "core/strings.h"

namespace wp {

std::optional<Money> ParseMoney(std::string_view text) {
  std::string s;
  for (char c : Trim(text)) {
    if (c == ' ') continue;
    s.push_back(c);
  }
  // Strip a leading euro sign (UTF-8 E2 82 AC) or "EUR".
  if (s.rfind("\xE2\x82\xAC", 0) == 0) s.erase(0, 3);
  if (s.size() >= 3 && EqualsIgnoreCase(std::string_view(s).substr(0, 3), "eur")) s.erase(0, 3);
  if (s.empty() || s.size() > 20) return std::nullopt;
  // Decide the decimal separator: the last '.' or ',' followed by 1-2 digits
  // at the end is decimal; other separators are thousands separators.
  size_t dec_pos = std::string::npos;
  size_t last = s.find_last_of(".,");
  if (last != std::string::npos) {
    size_t tail = s.size() - last - 1;
    if (tail == 1 || tail == 2) dec_pos = last;
    // The decimal mark cannot also be used as a thousands separator.
    if (dec_pos != std::string::npos && s.find(s[dec_pos]) != dec_pos) return std::nullopt;
  }
  int64_t euros = 0;
  int64_t cents = 0;
  int digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == dec_pos) {
      std::string_view frac = std::string_view(s).substr(i + 1);
      for (char f : frac) {
        if (!std::isdigit(static_cast<unsigned char>(f))) return std::nullopt;
      }
      cents = (frac[0] - '0') * 10 + (frac.size() == 2 ? frac[1] - '0' : 0);
      break;
    }
    if (c == '.' || c == ',') {
      // A thousands separator must be followed by exactly three digits.
      if (i == 0 || i + 3 >= s.size() + 1) return std::nullopt;
      for (size_t k = i + 1; k <= i + 3; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
      }
      size_t after = i + 4;
      if (!(after == s.size() || after == dec_pos || s[after] == '.' || s[after] == ',')) return std::nullopt;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    if (++digits > 15) return std::nullopt;
    euros = euros * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  return Money{euros * 100 + cents};
}

}  // namespace wp
