// Fuzzes the safe Markdown renderer (core/html/markdown.h) that turns what
// people write (news, newsletters, event descriptions) into HTML.
// Properties: the output is UTF-8; every '<' opens or closes one of the tags
// the renderer knows, properly nested, so there is no <script, no other
// element and no attribute besides a link's href and rel; an href is a safe
// link (IsSafeLinkUrl) once unescaped; a '>' only ends a tag.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/assert.h"
#include "core/html/markdown.h"
#include "core/strings.h"

namespace {

constexpr std::string_view kTags[] = {"p",  "h2",   "h3",  "h4",         "h5", "h6", "em", "strong",
                                      "code", "pre", "blockquote", "ul", "ol", "li", "a"};

bool IsKnownTag(std::string_view name) {
  for (std::string_view t : kTags) {
    if (t == name) return true;
  }
  return false;
}

// "&amp;" back to "&" (the only entity a safe URL can contain).
std::string UnescapeAmp(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out.push_back(s[i]);
    if (s.substr(i, 5) == "&amp;") i += 4;
  }
  return out;
}

// Checks `<a href="..." rel="nofollow noopener">` at the start of `tag`
// (the text between '<' and '>').
void CheckLink(std::string_view tag) {
  constexpr std::string_view kOpen = "a href=\"";
  constexpr std::string_view kClose = "\" rel=\"nofollow noopener\"";
  WP_ASSERT(tag.substr(0, kOpen.size()) == kOpen, "a link starts with its href");
  WP_ASSERT(tag.size() >= kOpen.size() + kClose.size() && tag.substr(tag.size() - kClose.size()) == kClose,
            "a link ends with its rel");
  std::string_view url = tag.substr(kOpen.size(), tag.size() - kOpen.size() - kClose.size());
  WP_ASSERT(url.find('"') == std::string_view::npos, "an href holds no quote");
  WP_ASSERT(wp::html::IsSafeLinkUrl(UnescapeAmp(url)), "an href is a safe link");
}

void CheckTags(std::string_view html) {
  std::vector<std::string_view> open;
  size_t i = 0;
  while (i < html.size()) {
    WP_ASSERT(html[i] != '>', "'>' only ends a tag");
    if (html[i] != '<') {
      ++i;
      continue;
    }
    size_t end = html.find('>', i);
    WP_ASSERT(end != std::string_view::npos, "a tag is closed");
    std::string_view tag = html.substr(i + 1, end - i - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    std::string_view name = closing ? tag.substr(1) : tag.substr(0, tag.find(' '));
    WP_ASSERT(IsKnownTag(name), "only known tags (no <script, no other element)");
    if (closing) {
      WP_ASSERT(!open.empty() && open.back() == name, "tags nest");
      open.pop_back();
    } else {
      if (name == "a") CheckLink(tag);
      else WP_ASSERT(tag == name, "only links have attributes");
      open.push_back(name);
    }
    i = end + 1;
  }
  WP_ASSERT(open.empty(), "every tag is closed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view markdown(reinterpret_cast<const char*>(data), size);
  std::string html = wp::html::RenderMarkdown(markdown);
  WP_ASSERT(wp::IsValidUtf8(html), "the output is UTF-8");
  WP_ASSERT(wp::ToLower(html).find("<script") == std::string::npos, "no <script");
  CheckTags(html);
  return 0;
}
