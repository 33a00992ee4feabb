// Small string helpers shared by core and features.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wp {

std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
std::string ToLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool IsValidUtf8(std::string_view s);
// Lowercase ASCII slug: "Oude Stad" -> "oude-stad"; accents are dropped.
std::string Slugify(std::string_view s);
std::string JoinStrings(const std::vector<std::string>& parts, std::string_view sep);
// A database id written in a URL or form: a positive decimal integer without
// sign, spaces or leading zeros that fits in int64_t; nullopt otherwise.
std::optional<int64_t> ParseId(std::string_view text);
// Hex and base64url encodings of bytes.
std::string ToHex(std::string_view bytes);
// The bytes of a hex string (either case); nullopt for an odd length or a
// character that is not a hex digit.
std::optional<std::string> FromHex(std::string_view hex);
std::string Base64UrlEncode(std::string_view bytes);
std::string Sha256Hex(std::string_view data);
// Basic syntactic check of an e-mail address (local@domain.tld, no spaces,
// no control or special characters, at most 254 bytes).
bool IsPlausibleEmail(std::string_view address);
// Escapes & < > " ' for HTML/XML element content and quoted attributes. Pure,
// so domain code that writes markup (Markdown, SVG charts, Atom) uses it too;
// html::Escape is the same function for the template engine.
std::string HtmlEscape(std::string_view text);
void AppendHtmlEscaped(std::string& out, std::string_view text);

}  // namespace wp
