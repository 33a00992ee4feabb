// Catalog: translated UI strings for the supported locales ("nl", the
// default, and "en"). Keys are flat and namespaced by feature, e.g.
// "accounts.login.title". Messages use the MessageFormat subset of
// message_format.h: {name}, {n, number}, plural and select.
// Thread-safe for lookups once loading is done.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "core/i18n/locale_rules.h"
#include "core/i18n/message_format.h"
#include "core/result.h"

namespace wp::i18n {

class Catalog {
 public:
  // Adds the messages of a JSON object {"key": "message", ...} for `locale`.
  // Errors name the source and the key: bad JSON, a non-string value, a key
  // defined twice, or a message that does not parse (message_format.h).
  Result<void> AddJson(std::string_view locale, std::string_view json_text, std::string_view source_name);
  // Adds every "<locale>.json" among `files` (e.g. "i18n/nl.json").
  Result<void> AddFiles(std::span<const EmbeddedFile> files);

  // The source text of the message for `key` in `locale`, falling back to
  // the default locale, then to the key itself (so a missing string is
  // visible, never empty). For messages without arguments; use Format for
  // the others.
  std::string_view Lookup(std::string_view locale, std::string_view key) const;
  bool Has(std::string_view locale, std::string_view key) const;
  // The message for `key` (with Lookup's fallbacks) formatted with `args`.
  std::string Format(std::string_view locale, std::string_view key, const Args& args = {}) const;
  std::string Format(std::string_view locale, std::string_view key, const ArgLookup& lookup) const;
  // The parsed message, or nullptr when `locale` lacks `key` (no fallback).
  const Message* Find(std::string_view locale, std::string_view key) const;
  // Every key of `locale`, sorted.
  std::vector<std::string> Keys(std::string_view locale) const;

  // What makes the locales disagree, one line each: a key missing in one
  // locale ("en: missing accounts.x"), or one key using different argument
  // names ("accounts.x: nl uses {count, name}, en uses {name}").
  std::vector<std::string> Inconsistencies() const;
  size_t size(std::string_view locale) const;

 private:
  std::map<std::string, std::map<std::string, Message, std::less<>>, std::less<>> messages_;
};

}  // namespace wp::i18n
