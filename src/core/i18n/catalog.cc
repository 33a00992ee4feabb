#include "core/i18n/catalog.h"

#include <nlohmann/json.hpp>

namespace wp::i18n {

bool IsSupportedLocale(std::string_view locale) {
  for (const auto& l : SupportedLocales()) {
    if (l == locale) return true;
  }
  return false;
}

Result<void> Catalog::AddJson(std::string_view locale, std::string_view json_text, std::string_view source_name) {
  if (!IsSupportedLocale(locale)) return InvalidInput("unsupported locale '" + std::string(locale) + "'");
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidInput(std::string(source_name) + ": not a JSON object");
  }
  auto& target = messages_[std::string(locale)];
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.value().is_string()) return InvalidInput(std::string(source_name) + ": value of " + it.key() + " is not a string");
    if (!target.emplace(it.key(), it.value().get<std::string>()).second) {
      return InvalidInput(std::string(source_name) + ": key " + it.key() + " defined twice");
    }
  }
  return Ok();
}

Result<void> Catalog::AddFiles(std::span<const EmbeddedFile> files) {
  for (const auto& f : files) {
    std::string_view p = f.path;
    if (p.size() < 5 || p.substr(p.size() - 5) != ".json") continue;
    size_t slash = p.rfind('/');
    std::string_view stem = p.substr(slash == std::string_view::npos ? 0 : slash + 1);
    stem.remove_suffix(5);
    if (!IsSupportedLocale(stem)) continue;
    WP_TRY_VOID(AddJson(stem, f.data, f.path));
  }
  return Ok();
}

std::string_view Catalog::Lookup(std::string_view locale, std::string_view key) const {
  auto loc = messages_.find(locale);
  if (loc != messages_.end()) {
    auto it = loc->second.find(key);
    if (it != loc->second.end()) return it->second;
  }
  auto def = messages_.find(kDefaultLocale);
  if (def != messages_.end()) {
    auto it = def->second.find(key);
    if (it != def->second.end()) return it->second;
  }
  return key;
}

bool Catalog::Has(std::string_view locale, std::string_view key) const {
  auto loc = messages_.find(locale);
  return loc != messages_.end() && loc->second.count(key) > 0;
}

std::string Catalog::Format(std::string_view locale, std::string_view key,
                            const std::vector<std::pair<std::string, std::string>>& args) const {
  return FillPlaceholders(Lookup(locale, key), args);
}

std::vector<std::string> Catalog::Inconsistencies() const {
  std::vector<std::string> out;
  for (const auto& a : SupportedLocales()) {
    auto ia = messages_.find(a);
    for (const auto& b : SupportedLocales()) {
      if (a == b) continue;
      auto ib = messages_.find(b);
      if (ib == messages_.end()) continue;
      for (const auto& [key, msg] : ib->second) {
        if (ia == messages_.end() || !ia->second.count(key)) out.push_back(a + ": missing " + key);
      }
    }
  }
  return out;
}

size_t Catalog::size(std::string_view locale) const {
  auto it = messages_.find(locale);
  return it == messages_.end() ? 0 : it->second.size();
}

std::string FillPlaceholders(std::string_view message, const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(message.size());
  size_t i = 0;
  while (i < message.size()) {
    if (message[i] == '{') {
      size_t close = message.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = message.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += message[i++];
  }
  return out;
}

std::string FormatInteger(int64_t value, std::string_view locale) {
  char sep = locale == "en" ? ',' : '.';
  bool negative = value < 0;
  uint64_t v = negative ? static_cast<uint64_t>(-(value + 1)) + 1 : static_cast<uint64_t>(value);
  std::string digits = std::to_string(v);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), sep);
    out.insert(out.begin(), *it);
    ++count;
  }
  return negative ? "-" + out : out;
}

std::string FormatDecimal(double value, int decimals, std::string_view locale) {
  double scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  double rounded = value < 0 ? -static_cast<double>(static_cast<int64_t>(-value * scale + 0.5))
                             : static_cast<double>(static_cast<int64_t>(value * scale + 0.5));
  int64_t scaled = static_cast<int64_t>(rounded);
  int64_t whole = scaled / static_cast<int64_t>(scale);
  int64_t frac = scaled % static_cast<int64_t>(scale);
  if (frac < 0) frac = -frac;
  std::string out = (scaled < 0 && whole == 0 ? "-" : "") + FormatInteger(whole, locale);
  if (decimals > 0) {
    std::string f = std::to_string(frac);
    while (static_cast<int>(f.size()) < decimals) f.insert(f.begin(), '0');
    out += (locale == "en" ? '.' : ',');
    out += f;
  }
  return out;
}

}  // namespace wp::i18n
