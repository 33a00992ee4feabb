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
  for (EventKind k : kAllEventKinds) EXPECT_EQ(ParseEventKind(EventKindName(k)), k);
  for (std::string_view d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    auto parsed = ParseWeekday(d);
    ASSERT_TRUE(parsed.has_value()) << d;
    EXPECT_EQ(WeekdayName(*parsed), d);
  }
  EXPECT_EQ(ParseMemberKind("bewoner"), std::nullopt);
  EXPECT_EQ(ParseEventKind("Theme_Meeting"), std::nullopt);
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
       {{"name", FieldProblem::kMissing}, {"description", FieldProblem::kMissing},
        {"contact_email", FieldProblem::kMissing}}},
      {"name too long", [](Platform& p) { p.name = std::string(kMaxNameBytes + 1, 'x'); },
       {{"name", FieldProblem::kTooLong}}},
      {"name exactly at the limit", [](Platform& p) { p.name = std::string(kMaxNameBytes, 'x'); }, {}},
      {"control character", [](Platform& p) { p.name = "Wijk\x01platform"; }, {{"name", FieldProblem::kBadCharacters}}},
      {"invalid utf-8", [](Platform& p) { p.description = "caf\xc3"; },
       {{"description", FieldProblem::kBadCharacters}}},
      {"newlines in description are fine", [](Platform& p) { p.description = "Regel 1\nRegel 2"; }, {}},
      {"bad e-mail", [](Platform& p) { p.contact_email = "geen-adres"; }, {{"contact_email", FieldProblem::kBadEmail}}},
      {"blank theme", [](Platform& p) { p.themes = {"Groen", " "}; }, {{"themes", FieldProblem::kMissing}}},
      {"duplicate theme ignoring case", [](Platform& p) { p.themes = {"Groen", " groen"}; },
       {{"themes", FieldProblem::kDuplicate}}},
      {"theme too long", [](Platform& p) { p.themes = {std::string(kMaxThemeBytes + 1, 't')}; },
       {{"themes", FieldProblem::kTooLong}}},
      {"too many themes",
       [](Platform& p) {
         p.themes.clear();
         for (size_t i = 0; i <= kMaxThemes; ++i) p.themes.push_back("thema " + std::to_string(i));
       },
       {{"themes", FieldProblem::kTooMany}}},
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
  EXPECT_EQ(CheckWorkingGroup(bad), (std::vector<FieldError>{{"theme", FieldProblem::kMissing},
                                                             {"contact_name", FieldProblem::kMissing},
                                                             {"contact_email", FieldProblem::kBadEmail}}));
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
      {12 * 60, 12 * 60, "Buurthuis", {{"time", FieldProblem::kBadTimeRange}}},
      {12 * 60, 10 * 60, "Buurthuis", {{"time", FieldProblem::kBadTimeRange}}},
      {-1, 60, "Buurthuis", {{"time", FieldProblem::kBadTimeRange}}},
      {24 * 60, 24 * 60 + 30, "Buurthuis", {{"time", FieldProblem::kBadTimeRange}}},
      {10 * 60, 24 * 60 + 1, "Buurthuis", {{"time", FieldProblem::kBadTimeRange}}},
      {10 * 60, 11 * 60, " ", {{"place", FieldProblem::kMissing}}},
      {10 * 60, 11 * 60, std::string(kMaxPlaceBytes + 1, 'p'), {{"place", FieldProblem::kTooLong}}},
  };
  for (const auto& c : cases) {
    OfficeHours h{1, 7, Weekday::kWednesday, c.start, c.end, c.place};
    EXPECT_EQ(CheckOfficeHours(h), c.want) << c.start << "-" << c.end << " " << c.place;
  }
}

TEST(FieldProblemKeyTest, EveryProblemHasItsOwnKey) {
  std::set<std::string_view> keys;
  for (FieldProblem p : {FieldProblem::kMissing, FieldProblem::kTooLong, FieldProblem::kBadEmail,
                         FieldProblem::kBadCharacters, FieldProblem::kDuplicate, FieldProblem::kTooMany,
                         FieldProblem::kBadTimeRange}) {
    EXPECT_TRUE(FieldProblemKey(p).starts_with("platforms.field.")) << FieldProblemKey(p);
    keys.insert(FieldProblemKey(p));
  }
  EXPECT_EQ(keys.size(), 7u);
}

}  // namespace
}  // namespace wp::platforms
