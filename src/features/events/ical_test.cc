#include "features/events/ical.h"

#include <gtest/gtest.h>

#include <map>

#include "core/strings.h"

namespace wp::events {
namespace {

struct Property {
  std::string name;
  std::string value;
};

// A small strict reader: checks every physical line (CRLF, at most 75
// octets, whole UTF-8 sequences), unfolds, splits NAME:VALUE and checks
// BEGIN/END nesting. Failures are reported through gtest.
std::vector<Property> Parse(const std::string& text) {
  std::vector<std::string> physical;
  size_t at = 0;
  while (at < text.size()) {
    size_t crlf = text.find("\r\n", at);
    EXPECT_NE(crlf, std::string::npos) << "every line ends with CRLF";
    if (crlf == std::string::npos) break;
    std::string line = text.substr(at, crlf - at);
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "no bare CR or LF: " << line;
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(IsValidUtf8(line)) << "a fold split a UTF-8 sequence: " << line;
    physical.push_back(line);
    at = crlf + 2;
  }
  std::vector<std::string> logical;
  for (const auto& l : physical) {
    if (!l.empty() && l[0] == ' ') {
      EXPECT_FALSE(logical.empty());
      if (!logical.empty()) logical.back() += l.substr(1);
    } else {
      logical.push_back(l);
    }
  }
  std::vector<Property> out;
  std::vector<std::string> stack;
  for (const auto& l : logical) {
    size_t colon = l.find(':');
    EXPECT_NE(colon, std::string::npos) << l;
    if (colon == std::string::npos) continue;
    Property p{l.substr(0, colon), l.substr(colon + 1)};
    for (char c : p.name) EXPECT_TRUE((c >= 'A' && c <= 'Z') || c == '-') << p.name;
    if (p.name == "BEGIN") stack.push_back(p.value);
    if (p.name == "END") {
      EXPECT_FALSE(stack.empty());
      if (!stack.empty()) {
        EXPECT_EQ(stack.back(), p.value);
        stack.pop_back();
      }
    }
    out.push_back(p);
  }
  EXPECT_TRUE(stack.empty());
  return out;
}

std::string Unescape(const std::string& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      char n = v[++i];
      out += (n == 'n' || n == 'N') ? '\n' : n;
    } else {
      EXPECT_TRUE(v[i] != ';' && v[i] != ',') << "unescaped separator in " << v;
      out += v[i];
    }
  }
  return out;
}

CalendarEvent Sample() {
  CalendarEvent e;
  e.uid = "event-7@wijkplatform.test";
  e.starts_at_utc = 1795455000;  // 2026-11-23T17:30:00Z
  e.ends_at_utc = 1795462200;
  e.created_at_utc = 1795000000;
  e.modified_at_utc = 1795100000;
  e.sequence = 2;
  e.summary = "Themabijeenkomst groen";
  e.location = "Buurthuis De Ringvaart";
  e.url = "https://wijkplatform.test/activiteit/7";
  return e;
}

TEST(IcalTest, WritesAValidCalendar) {
  Calendar cal{"Agenda Ter Kleef", {Sample()}};
  std::string text = WriteCalendar(cal);
  auto props = Parse(text);
  std::map<std::string, std::string> first;
  for (const auto& p : props) first.emplace(p.name, p.value);
  EXPECT_EQ(props.front().value, "VCALENDAR");
  EXPECT_EQ(first["VERSION"], "2.0");
  EXPECT_FALSE(first["PRODID"].empty());
  EXPECT_EQ(first["UID"], "event-7@wijkplatform.test");
  EXPECT_EQ(first["DTSTART"], "20261123T173000Z");
  EXPECT_EQ(first["DTEND"], "20261123T193000Z");
  EXPECT_EQ(first["DTSTAMP"], "20261119T145320Z");
  EXPECT_EQ(first["SEQUENCE"], "2");
  EXPECT_EQ(first["STATUS"], "CONFIRMED");
  EXPECT_EQ(first["URL"], "https://wijkplatform.test/activiteit/7");
  EXPECT_EQ(text.substr(0, 17), "BEGIN:VCALENDAR\r\n");
  EXPECT_EQ(text.substr(text.size() - 15), "END:VCALENDAR\r\n");
}

TEST(IcalTest, CancelledEventsSayCancelled) {
  CalendarEvent e = Sample();
  e.cancelled = true;
  auto props = Parse(WriteCalendar({"x", {e}}));
  bool found = false;
  for (const auto& p : props) found = found || (p.name == "STATUS" && p.value == "CANCELLED");
  EXPECT_TRUE(found);
}

TEST(IcalTest, HostileTextSurvivesEscapingAndFolding) {
  const std::vector<std::string> hostile = {
      "Line one\nLine two\r\nLine three\rfour",
      "a,b;c\\d:e",
      "BEGIN:VEVENT\nEND:VCALENDAR",
      std::string(200, 'x'),
      // 3- and 4-byte sequences around every fold position.
      [] {
        std::string s;
        for (int i = 0; i < 60; ++i) s += (i % 2 ? "\xE2\x82\xAC" : "\xF0\x9F\x8C\xB3");
        return s;
      }(),
      "Café Ōmi — ümlaut; ",
  };
  for (const auto& h : hostile) {
    for (size_t shift = 0; shift < 5; ++shift) {
      CalendarEvent e = Sample();
      e.summary = std::string(shift, 'p') + h;
      e.description = h + std::string(shift, 'q');
      e.location = h;
      std::string text = WriteCalendar({h, {e}});
      auto props = Parse(text);
      int vevents = 0;
      for (const auto& p : props) {
        if (p.name == "BEGIN" && p.value == "VEVENT") ++vevents;
        if (p.name == "SUMMARY") {
          std::string want = std::string(shift, 'p') + h;
          // CRLF and lone CR are line breaks too.
          std::string norm;
          for (size_t i = 0; i < want.size(); ++i) {
            if (want[i] == '\r') {
              if (i + 1 < want.size() && want[i + 1] == '\n') continue;
              norm += '\n';
            } else {
              norm += want[i];
            }
          }
          EXPECT_EQ(Unescape(p.value), norm);
        }
      }
      EXPECT_EQ(vevents, 1) << "injected BEGIN stays text";
    }
  }
}

TEST(IcalTest, FoldsAtSeventyFiveOctets) {
  std::string out;
  AppendFolded(out, std::string(75, 'a'));
  EXPECT_EQ(out, std::string(75, 'a') + "\r\n");
  out.clear();
  AppendFolded(out, std::string(76, 'a'));
  EXPECT_EQ(out, std::string(75, 'a') + "\r\n " + "a\r\n");
  out.clear();
  // 74 ASCII + a 2-byte letter: the letter may not be split across lines.
  AppendFolded(out, std::string(74, 'a') + "\xC3\xA9");
  EXPECT_EQ(out, std::string(74, 'a') + "\r\n \xC3\xA9\r\n");
}

TEST(IcalTest, EscapesText) {
  EXPECT_EQ(EscapeIcalText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  EXPECT_EQ(EscapeIcalText(std::string("bell\x07") + "end"), "bellend");
  EXPECT_EQ(IcalUtc(0), "19700101T000000Z");
}

}  // namespace
}  // namespace wp::events
