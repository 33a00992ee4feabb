#include "features/news/atom.h"

#include "core/clock.h"

namespace wp::news {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += ch;
    }
  }
  return out;
}

std::string WriteAtom(const AtomFeed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <id>" + EscapeXml(feed.id) + "</id>\n";
  out += "  <title>" + EscapeXml(feed.title) + "</title>\n";
  out += "  <updated>" + FormatIsoUtc(feed.updated_utc) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + EscapeXml(feed.self_url) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(feed.html_url) + "\"/>\n";
  // A feed-level author covers entries without one (RFC 4287 4.1.1).
  out += "  <author><name>" + EscapeXml(feed.title) + "</name></author>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    out += "    <id>" + EscapeXml(e.id) + "</id>\n";
    out += "    <title>" + EscapeXml(e.title) + "</title>\n";
    out += "    <published>" + FormatIsoUtc(e.published_utc) + "</published>\n";
    out += "    <updated>" + FormatIsoUtc(e.updated_utc) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(e.url) + "\"/>\n";
    if (!e.author.empty()) out += "    <author><name>" + EscapeXml(e.author) + "</name></author>\n";
    out += "    <content type=\"html\">" + EscapeXml(e.content_html) + "</content>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace wp::news
