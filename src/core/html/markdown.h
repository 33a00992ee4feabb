// A safe Markdown renderer for texts people write on the site (news posts,
// newsletters, event descriptions). It knows a small subset (paragraphs,
// # headings, *emphasis*, **strong**, `code`, fenced code blocks,
// [links](https://...) with http, https and mailto only, - and 1. lists,
// > blockquotes) and escapes every other character, so raw HTML shows as
// text and no attribute or script can be injected. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace wp::html {

// HTML of `markdown`. Headings start at <h2> (`#` -> h2 ... `#####` -> h6)
// because the page title is the <h1>. Invalid UTF-8 bytes become U+FFFD.
std::string RenderMarkdown(std::string_view markdown);

// True for an http, https or mailto URL without spaces, quotes or control characters.
bool IsSafeLinkUrl(std::string_view url);

}  // namespace wp::html
