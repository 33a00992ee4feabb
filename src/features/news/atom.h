// Atom feed writer (RFC 4287) for the news of a wijkplatform. Entry content
// is type="html": the rendered (already safe) HTML, escaped once more as XML
// text. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wp::news {

struct AtomEntry {
  std::string id;  // stable IRI, e.g. "tag:wijkplatform.test,2026:news/12"
  std::string title;
  std::string url;  // the post page (alternate link)
  std::string author;
  int64_t published_utc = 0;
  int64_t updated_utc = 0;
  std::string content_html;  // RenderMarkdown output
};

struct AtomFeed {
  std::string id;  // stable IRI of the feed
  std::string title;
  std::string self_url;     // the feed itself
  std::string html_url;     // the news page
  int64_t updated_utc = 0;  // newest entry update, or the platform's creation
  std::vector<AtomEntry> entries;
};

std::string WriteAtom(const AtomFeed& feed);

}  // namespace wp::news
