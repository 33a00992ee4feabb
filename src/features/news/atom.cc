#include "features/news/atom.h"

#include <chrono>
#include <cstdio>

namespace wp::news {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += ch;
    }
  }
  return out;
}

std::string Rfc3339(int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds tp{seconds{unix_seconds}};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss hms{tp - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string WriteAtom(const AtomFeed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <id>" + EscapeXml(feed.id) + "</id>\n";
  out += "  <title>" + EscapeXml(feed.title) + "</title>\n";
  out += "  <updated>" + Rfc3339(feed.updated_utc) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + EscapeXml(feed.self_url) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(feed.html_url) + "\"/>\n";
  // A feed-level author covers entries without one (RFC 4287 4.1.1).
  out += "  <author><name>" + EscapeXml(feed.title) + "</name></author>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    out += "    <id>" + EscapeXml(e.id) + "</id>\n";
    out += "    <title>" + EscapeXml(e.title) + "</title>\n";
    out += "    <published>" + Rfc3339(e.published_utc) + "</published>\n";
    out += "    <updated>" + Rfc3339(e.updated_utc) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(e.url) + "\"/>\n";
    if (!e.author.empty()) out += "    <author><name>" + EscapeXml(e.author) + "</name></author>\n";
    out += "    <content type=\"html\">" + EscapeXml(e.content_html) + "</content>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace wp::news
