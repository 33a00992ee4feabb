// A safe Markdown renderer for news posts and newsletters. It knows a small
// subset (paragraphs, # headings, *emphasis*, **strong**, `code`, fenced code
// blocks, [links](https://...) with http, https and mailto only, - and 1.
// lists, > blockquotes) and escapes every other character, so raw HTML shows
// as text and no attribute or script can be injected. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace wp::news {

// HTML of `markdown`. Headings start at <h2> (`#` -> h2 ... `#####` -> h6)
// because the page title is the <h1>. Invalid UTF-8 bytes become U+FFFD.
std::string RenderMarkdown(std::string_view markdown);

// Escapes & < > " ' for HTML text and quoted attributes.
std::string EscapeHtml(std::string_view text);

// True for an http, https or mailto URL without spaces, quotes or control characters.
bool IsSafeLinkUrl(std::string_view url);

}  // namespace wp::news
