#include "features/platforms/platform.h"

#include <gtest/gtest.h>

namespace wp::platforms {
namespace {

Platform ValidPlatform() {
  Platform p;
  p.name = "Wijkplatform Schalkwijk-Midden";
  p.description = "Samen werken aan een groene, veilige wijk.";
  p.themes = {"Groen", "Verkeer"};
  p.contact_email = "contact@schalkwijkmidden.nl";
  return p;
}

TEST(PlatformStatusTest, NamesRoundTripAndActiveSet) {
  for (PlatformStatus s : kAllPlatformStatuses) {
    EXPECT_EQ(ParsePlatformStatus(PlatformStatusName(s)), s);
  }
  EXPECT_EQ(ParsePlatformStatus("erkend"), std::nullopt);
  EXPECT_EQ(ParsePlatformStatus(""), std::nullopt);
  struct Case {
    PlatformStatus status;
    bool active;
  } cases[] = {
      {PlatformStatus::kSubmitted, true}, {PlatformStatus::kInFormation, true}, {PlatformStatus::kRecognised, true},
      {PlatformStatus::kEnded, false},    {PlatformStatus::kWithdrawn, false},  {PlatformStatus::kRefused, false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsActive(c.status), c.active) << PlatformStatusName(c.status);
}

TEST(PlatformEnumsTest, NamesRoundTrip) {
  for (MemberKind k : kAllMemberKinds) EXPECT_EQ(ParseMemberKind(MemberKindName(k)), k);
  for (std::string_view d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    auto parsed = ParseWeekday(d);
    ASSERT_TRUE(parsed.has_value()) << d;
    EXPECT_EQ(WeekdayName(*parsed), d);
  }
  EXPECT_EQ(ParseMemberKind("bewoner"), std::nullopt);
  EXPECT_EQ(ParseWeekday("maandag"), std::nullopt);
  EXPECT_EQ(PlatformScope(42), "42");
}

TEST(CheckPlatformDetailsTest, Table) {
  struct Case {
    const char* label;
    void (*edit)(Platform&);
    std::vector<FieldError> want;
  } cases[] = {
      {"valid", [](Platform&) {}, {}},
      {"no themes is fine", [](Platform& p) { p.themes.clear(); }, {}},
      {"all missing",
       [](Platform& p) {
         p.name = "  ";
         p.description = "";
         p.contact_email = "";
       },
       {{"name", kMissing}, {"description", kMissing}, {"contact_email", kMissing}}},
      {"name too long", [](Platform& p) { p.name = std::string(kMaxNameBytes + 1, 'x'); }, {{"name", kTooLong}}},
      {"name exactly at the limit", [](Platform& p) { p.name = std::string(kMaxNameBytes, 'x'); }, {}},
      {"control character", [](Platform& p) { p.name = "Wijk\x01platform"; }, {{"name", kBadCharacters}}},
      {"invalid utf-8", [](Platform& p) { p.description = "caf\xc3"; }, {{"description", kBadCharacters}}},
      {"newlines in description are fine", [](Platform& p) { p.description = "Regel 1\nRegel 2"; }, {}},
      {"bad e-mail", [](Platform& p) { p.contact_email = "geen-adres"; }, {{"contact_email", kBadEmail}}},
      {"blank theme",
       [](Platform& p) {
         p.themes = {"Groen", " "};
       },
       {{"themes", kMissing}}},
      {"duplicate theme ignoring case",
       [](Platform& p) {
         p.themes = {"Groen", " groen"};
       },
       {{"themes", kDuplicate}}},
      {"theme too long",
       [](Platform& p) { p.themes = {std::string(kMaxThemeBytes + 1, 't')}; },
       {{"themes", kTooLong}}},
      {"too many themes",
       [](Platform& p) {
         p.themes.clear();
         for (size_t i = 0; i <= kMaxThemes; ++i) p.themes.push_back("thema " + std::to_string(i));
       },
       {{"themes", kTooMany}}},
  };
  for (const auto& c : cases) {
    Platform p = ValidPlatform();
    c.edit(p);
    EXPECT_EQ(CheckPlatformDetails(p), c.want) << c.label;
  }
}

TEST(CheckWorkingGroupTest, Table) {
  WorkingGroup ok{1, 7, "Groen", "Geveltuinen en boomspiegels", {"Ans de Vries", "ans@example.nl", 12}};
  EXPECT_TRUE(CheckWorkingGroup(ok).empty());
  WorkingGroup no_description = ok;
  no_description.description.clear();
  EXPECT_TRUE(CheckWorkingGroup(no_description).empty());
  WorkingGroup one_off_contact = ok;
  one_off_contact.contact.user_id.reset();
  EXPECT_TRUE(CheckWorkingGroup(one_off_contact).empty());
  WorkingGroup bad{1, 7, "", "", {"", "ans(at)example.nl", std::nullopt}};
  EXPECT_EQ(CheckWorkingGroup(bad),
            (std::vector<FieldError>{
                {"group_theme", kMissing}, {"group_contact_name", kMissing}, {"group_contact_email", kBadEmail}}));
}

TEST(CheckOfficeHoursTest, Table) {
  struct Case {
    int start;
    int end;
    std::string place;
    std::vector<FieldError> want;
  } cases[] = {
      {10 * 60, 12 * 60, "Buurthuis", {}},
      {0, 24 * 60, "Buurthuis", {}},
      {23 * 60, 24 * 60, "Buurthuis", {}},
      {12 * 60, 12 * 60, "Buurthuis", {{"hours_time", kBadTimeRange}}},
      {12 * 60, 10 * 60, "Buurthuis", {{"hours_time", kBadTimeRange}}},
      {-1, 60, "Buurthuis", {{"hours_time", kBadTimeRange}}},
      {24 * 60, 24 * 60 + 30, "Buurthuis", {{"hours_time", kBadTimeRange}}},
      {10 * 60, 24 * 60 + 1, "Buurthuis", {{"hours_time", kBadTimeRange}}},
      {10 * 60, 11 * 60, " ", {{"hours_place", kMissing}}},
      {10 * 60, 11 * 60, std::string(kMaxPlaceBytes + 1, 'p'), {{"hours_place", kTooLong}}},
  };
  for (const auto& c : cases) {
    OfficeHours h{1, 7, Weekday::kWednesday, c.start, c.end, c.place};
    EXPECT_EQ(CheckOfficeHours(h), c.want) << c.start << "-" << c.end << " " << c.place;
  }
}

TEST(FieldKeysTest, EveryProblemHasItsOwnKey) {
  std::set<std::string_view> keys = {kMissing,   kTooLong, kBadEmail,    kBadCharacters,
                                     kDuplicate, kTooMany, kBadTimeRange};
  for (std::string_view k : keys) EXPECT_TRUE(k.starts_with("platforms.field.")) << k;
  EXPECT_EQ(keys.size(), 7u);
}

TEST(ParseThemesTest, OneThemePerLineTrimmedWithoutBlankLines) {
  EXPECT_EQ(ParseThemes(" Groen \n\n Veiligheid\r\n "), (std::vector<std::string>{"Groen", "Veiligheid"}));
  EXPECT_TRUE(ParseThemes("  \n").empty());
}

TEST(ParseOfficeHoursTimeTest, Table) {
  struct Case {
    const char* text;
    int start, end;
  } cases[] = {
      {"19:00-20:30", 19 * 60, 20 * 60 + 30},
      {"9.30 - 11.00", 9 * 60 + 30, 11 * 60},
      {"0930-1000", 570, 600},
      {"23:00-24:00", 23 * 60, 24 * 60},
      {"19:00", -1, -1},
      {"19:60-20:00", -1, 20 * 60},
      {"25:00-26:00", -1, -1},
      {"zeven-acht", -1, -1},
      {"9-10", -1, -1},
  };
  for (const auto& c : cases) {
    OfficeHours h;
    ParseOfficeHoursTime(c.text, h);
    EXPECT_EQ(h.start_minute, c.start) << c.text;
    EXPECT_EQ(h.end_minute, c.end) << c.text;
  }
}

}  // namespace
}  // namespace wp::platforms
