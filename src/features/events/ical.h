// iCalendar writer (RFC 5545) for published agenda feeds: one VCALENDAR with
// a VEVENT per event, times in UTC, TEXT values escaped, lines folded at 75
// octets without splitting a UTF-8 sequence, CRLF line ends. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wp::events {

struct CalendarEvent {
  std::string uid;  // stable and globally unique, e.g. "event-12@wijkplatform.haarlem.nl"
  int64_t starts_at_utc = 0;
  int64_t ends_at_utc = 0;
  int64_t created_at_utc = 0;
  int64_t modified_at_utc = 0;  // DTSTAMP and LAST-MODIFIED
  int sequence = 0;             // bumped on every change after publication
  bool cancelled = false;       // STATUS:CANCELLED, else STATUS:CONFIRMED
  std::string summary, description, location, url, category;
};

struct Calendar {
  std::string name;  // X-WR-CALNAME, e.g. "Agenda Wijkplatform Ter Kleef"
  std::vector<CalendarEvent> events;
};

// The whole VCALENDAR text.
std::string WriteCalendar(const Calendar& calendar);

// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon and comma are
// escaped, line breaks become \n, other control characters are dropped.
std::string EscapeIcalText(std::string_view text);
// "20261123T183000Z".
std::string IcalUtc(int64_t unix_seconds);
// Appends `line` folded into lines of at most 75 octets, each ended by CRLF;
// continuation lines start with one space. Never splits a UTF-8 sequence.
void AppendFolded(std::string& out, std::string_view line);

}  // namespace wp::events
