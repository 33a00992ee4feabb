#include "features/news/atom.h"

#include "core/clock.h"
#include "core/xml.h"

namespace wp::news {

std::string WriteAtom(const AtomFeed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <id>" + XmlEscape(feed.id) + "</id>\n";
  out += "  <title>" + XmlEscape(feed.title) + "</title>\n";
  out += "  <updated>" + FormatIsoUtc(feed.updated_utc) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + XmlEscape(feed.self_url) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(feed.html_url) + "\"/>\n";
  // A feed-level author covers entries without one (RFC 4287 4.1.1).
  out += "  <author><name>" + XmlEscape(feed.title) + "</name></author>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    out += "    <id>" + XmlEscape(e.id) + "</id>\n";
    out += "    <title>" + XmlEscape(e.title) + "</title>\n";
    out += "    <published>" + FormatIsoUtc(e.published_utc) + "</published>\n";
    out += "    <updated>" + FormatIsoUtc(e.updated_utc) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(e.url) + "\"/>\n";
    if (!e.author.empty()) out += "    <author><name>" + XmlEscape(e.author) + "</name></author>\n";
    out += "    <content type=\"html\">" + XmlEscape(e.content_html) + "</content>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace wp::news
