#include "core/i18n/catalog.h"

#include <nlohmann/json.hpp>

namespace wp::i18n {

namespace {

std::string NameList(const std::vector<std::string>& names) {
  std::string out = "{";
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "}";
}

}  // namespace

Result<void> Catalog::AddJson(std::string_view locale, std::string_view json_text, std::string_view source_name) {
  if (!IsSupportedLocale(locale)) return InvalidInput("unsupported locale '" + std::string(locale) + "'");
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidInput(std::string(source_name) + ": not a JSON object");
  }
  auto& target = messages_[std::string(locale)];
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string where = std::string(source_name) + ": " + it.key();
    if (!it.value().is_string()) return InvalidInput(where + ": the value is not a string");
    auto parsed = Message::Parse(it.value().get_ref<const std::string&>());
    if (!parsed.has_value()) return InvalidInput(where + ": " + parsed.error().detail);
    if (!target.emplace(it.key(), std::move(*parsed)).second) return InvalidInput(where + ": defined twice");
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

const Message* Catalog::Find(std::string_view locale, std::string_view key) const {
  auto loc = messages_.find(locale);
  if (loc == messages_.end()) return nullptr;
  auto it = loc->second.find(key);
  return it == loc->second.end() ? nullptr : &it->second;
}

std::string_view Catalog::Lookup(std::string_view locale, std::string_view key) const {
  const Message* m = Find(locale, key);
  if (!m) m = Find(kDefaultLocale, key);
  return m ? std::string_view(m->source()) : key;
}

bool Catalog::Has(std::string_view locale, std::string_view key) const { return Find(locale, key) != nullptr; }

std::string Catalog::Format(std::string_view locale, std::string_view key, const ArgLookup& lookup) const {
  const Message* m = Find(locale, key);
  if (!m) m = Find(kDefaultLocale, key);
  return m ? m->Format(locale, lookup) : std::string(key);
}

std::string Catalog::Format(std::string_view locale, std::string_view key, const Args& args) const {
  const Message* m = Find(locale, key);
  if (!m) m = Find(kDefaultLocale, key);
  return m ? m->Format(locale, args) : std::string(key);
}

std::vector<std::string> Catalog::Keys(std::string_view locale) const {
  std::vector<std::string> out;
  auto loc = messages_.find(locale);
  if (loc == messages_.end()) return out;
  for (const auto& [key, msg] : loc->second) out.push_back(key);
  return out;
}

std::vector<std::string> Catalog::Inconsistencies() const {
  std::vector<std::string> out;
  for (const auto& a : SupportedLocales()) {
    for (const auto& b : SupportedLocales()) {
      if (a == b) continue;
      for (const auto& key : Keys(b)) {
        if (!Has(a, key)) out.push_back(a + ": missing " + key);
      }
    }
  }
  // Every locale against the default one (nl).
  const std::string def(kDefaultLocale);
  for (const auto& key : Keys(def)) {
    std::vector<std::string> names = Find(def, key)->ArgumentNames();
    for (const auto& other : SupportedLocales()) {
      const Message* m = other == def ? nullptr : Find(other, key);
      if (m && m->ArgumentNames() != names) {
        out.push_back(key + ": " + def + " uses " + NameList(names) + ", " + other + " uses " +
                      NameList(m->ArgumentNames()));
      }
    }
  }
  return out;
}

size_t Catalog::size(std::string_view locale) const {
  auto it = messages_.find(locale);
  return it == messages_.end() ? 0 : it->second.size();
}

}  // namespace wp::i18n
