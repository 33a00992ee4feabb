#include "features/signals/open311.h"

#include <gtest/gtest.h>

namespace wp::signals::open311 {
namespace {

TEST(Open311Test, TimesCarryTheLocalOffset) {
  time::TimeZone zone = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  EXPECT_EQ(W3cTime(zone, 1767870000), "2026-01-08T12:00:00+01:00");
  EXPECT_EQ(W3cTime(zone, 1783944000), "2026-07-13T14:00:00+02:00");
}

TEST(Open311Test, ParsesTheDatesClientsSend) {
  struct Case {
    const char* text;
    std::optional<int64_t> want;
  } cases[] = {
      {"2026-01-08T11:00:00Z", 1767870000},       {"2026-01-08T12:00:00+01:00", 1767870000},
      {"2026-01-08T06:30:00-04:30", 1767870000},  {"2026-01-08T11:00:00.250Z", 1767870000},
      {"2026-01-08T11:00:00", std::nullopt},  // the zone is required
      {"2026-01-08 11:00:00Z", std::nullopt},     {"2026-13-08T11:00:00Z", std::nullopt},
      {"2026-01-08T11:00:00+1:00", std::nullopt}, {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(ParseW3cTime(c.text), c.want) << c.text;
}

TEST(Open311Test, ListsAreBareJsonArraysAndXmlContainers) {
  Record r;
  r.Add("service_code", std::string("losse-tegel"));
  r.Add("lat", 52.5);
  r.Add("metadata", false);
  r.Add("formats", std::vector<std::string>{"text/xml"});
  EXPECT_EQ(ListJson({r}), R"([{"formats":["text/xml"],"lat":52.5,"metadata":false,"service_code":"losse-tegel"}])");
  EXPECT_EQ(ListXml("services", "service", {r}),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services><service><service_code>losse-tegel</service_code>"
            "<lat>52.500000</lat><metadata>false</metadata><formats><format>text/xml</format></formats></service>"
            "</services>\n");
  Record evil;
  evil.Add("description", std::string("<b>&"));
  EXPECT_NE(ObjectXml("x", evil).find("&lt;b&gt;&amp;"), std::string::npos);
  EXPECT_EQ(ErrorsJson(403, "no key"), R"([{"code":"403","description":"no key"}])");
}

}  // namespace
}  // namespace wp::signals::open311
