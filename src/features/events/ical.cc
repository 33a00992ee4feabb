#include "features/events/ical.h"

#include <cstdio>

#include "core/time/time_zone.h"

namespace wp::events {

std::string EscapeIcalText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF is one line break
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        if (c < 0x20 || c == 0x7f) break;
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string IcalUtc(int64_t unix_seconds) {
  time::LocalDateTime t = time::CivilFromUnix(unix_seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
  return buf;
}

void AppendFolded(std::string& out, std::string_view line) {
  size_t limit = 75;  // octets on the first line; 74 after the leading space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
}

std::string WriteCalendar(const Calendar& calendar) {
  std::string out;
  auto line = [&](std::string_view name, std::string_view value) {
    std::string l(name);
    l += ':';
    l += value;
    AppendFolded(out, l);
  };
  line("BEGIN", "VCALENDAR");
  line("VERSION", "2.0");
  line("PRODID", "-//Wijkplatform Haarlem//Agenda//NL");
  line("CALSCALE", "GREGORIAN");
  line("METHOD", "PUBLISH");
  if (!calendar.name.empty()) line("X-WR-CALNAME", EscapeIcalText(calendar.name));
  for (const auto& e : calendar.events) {
    line("BEGIN", "VEVENT");
    line("UID", EscapeIcalText(e.uid));
    line("DTSTAMP", IcalUtc(e.modified_at_utc));
    line("CREATED", IcalUtc(e.created_at_utc));
    line("LAST-MODIFIED", IcalUtc(e.modified_at_utc));
    line("SEQUENCE", std::to_string(e.sequence));
    line("DTSTART", IcalUtc(e.starts_at_utc));
    line("DTEND", IcalUtc(e.ends_at_utc));
    line("SUMMARY", EscapeIcalText(e.summary));
    if (!e.description.empty()) line("DESCRIPTION", EscapeIcalText(e.description));
    if (!e.location.empty()) line("LOCATION", EscapeIcalText(e.location));
    if (!e.category.empty()) line("CATEGORIES", EscapeIcalText(e.category));
    if (!e.url.empty()) {
      std::string url;
      for (char c : e.url) {
        if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f) url += c;
      }
      line("URL", url);
    }
    line("STATUS", e.cancelled ? "CANCELLED" : "CONFIRMED");
    line("TRANSP", "OPAQUE");
    line("END", "VEVENT");
  }
  line("END", "VCALENDAR");
  return out;
}

}  // namespace wp::events
