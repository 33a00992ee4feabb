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
// Number of Unicode code points in valid UTF-8 `s` (what people count as
// characters in a length limit), not bytes.
size_t CountChars(std::string_view s);
// True when `s` holds an ASCII control character (or DEL); tab, CR and LF
// are allowed when `allow_newlines` (multi-line texts).
bool HasControlCharacters(std::string_view s, bool allow_newlines);
// An uploaded document is a PDF when its first bytes are "%PDF-" (never by
// name or Content-Type).
bool LooksLikePdf(std::string_view data);
// A PDF's file name safe to show and to send in Content-Disposition: the last
// path part, only letters, digits, '.', '-' and '_' (others become '_'), at
// most 80 bytes, ending in ".pdf"; "document.pdf" when nothing is left.
std::string CleanDocumentName(std::string_view uploaded);
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
// One CSV cell (RFC 4180) of text people typed: quoted when it holds a comma,
// semicolon, quote or line break; a leading = + - @ gets a ' in front so a
// spreadsheet never runs it as a formula.
std::string CsvText(std::string_view text);
void AppendHtmlEscaped(std::string& out, std::string_view text);

}  // namespace wp
