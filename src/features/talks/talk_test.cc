#include "features/talks/talk.h"

#include <gtest/gtest.h>

#include <string>

#include "features/talks/permissions.h"

namespace wp::talks {
namespace {

// Monday 23 November 2026, 18:30 in Haarlem.
constexpr int64_t kNow = 1795455000;

class TalkTest : public ::testing::Test {
 protected:
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  RoundRules rules_;

  Meeting AutumnMeeting(Status status, std::optional<int64_t> starts_at) {
    Meeting m;
    m.year = 2027;
    m.half = Half::kAutumn;
    m.status = status;
    m.starts_at = starts_at;
    m.place = "Buurthuis";
    return m;
  }
  int64_t At(int y, int mo, int d, int h = 0, int mi = 0) { return zone_.ToUtc({y, mo, d, h, mi}); }
};

std::string Fields(const std::vector<FieldError>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : " ") + e.field + ":" + e.message_key;
  return out;
}

TEST_F(TalkTest, TheWindowsOfARound) {
  auto [start, end] = RoundWindow(rules_, 2027, Half::kSpring, zone_);
  EXPECT_EQ(start, At(2027, 4, 1));
  EXPECT_EQ(end, At(2027, 6, 1));
  std::tie(start, end) = RoundWindow(rules_, 2027, Half::kAutumn, zone_);
  EXPECT_EQ(start, At(2027, 9, 1));
  EXPECT_EQ(end, At(2027, 11, 1));
  RoundRules late{4, 5, 11, 12, 7};
  std::tie(start, end) = RoundWindow(late, 2027, Half::kAutumn, zone_);
  EXPECT_EQ(end, At(2028, 1, 1)) << "a window ending in December ends on 1 January";
}

TEST_F(TalkTest, TheFormOfARound) {
  struct Row {
    RoundForm form;
    std::string errors;
  };
  const Row kTable[] = {
      {{"2027", "autumn", "schalkwijk"}, ""},
      {{"2024", "spring", ""}, ""},
      {{"2029", "spring", ""}, "year:talks.error.bad_year"},
      {{"2023", "spring", ""}, "year:talks.error.bad_year"},
      {{"twee", "spring", ""}, "year:talks.error.bad_year"},
      {{"2027", "summer", ""}, "half:talks.error.bad_half"},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(Fields(CheckRoundForm(row.form, 2026).errors), row.errors) << row.form.year << " " << row.form.half;
  }
}

TEST_F(TalkTest, TheDateOfAMeeting) {
  struct Row {
    const char* what;
    Status status;
    std::optional<int64_t> current;
    ScheduleForm form;
    std::string errors;
    bool moved;
  };
  int64_t sept15 = At(2027, 9, 15, 19, 30);
  const Row kTable[] = {
      {"inside the window", Status::kToPlan, std::nullopt, {"2027-09-15", "19:30", "Buurthuis", ""}, "", false},
      {"last evening of the window", Status::kToPlan, std::nullopt, {"2027-10-31", "21:00", "Buurthuis", ""}, "", false},
      {"outside without a reason", Status::kToPlan, std::nullopt, {"2027-11-02", "19:30", "Buurthuis", ""},
       "reason:talks.error.reason_outside", false},
      {"outside with a reason", Status::kToPlan, std::nullopt, {"2027-11-02", "19:30", "Buurthuis", "Herfstvakantie"},
       "", false},
      {"no place, no date", Status::kToPlan, std::nullopt, {"2027-02-30", "25:00", " ", ""},
       "date:talks.error.bad_date time:talks.error.bad_time place:talks.error.missing_place", false},
      {"same date, new place", Status::kPlanned, sept15, {"2027-09-15", "19:30", "Stadhuis", ""}, "", false},
      {"moved without a reason", Status::kPlanned, sept15, {"2027-09-22", "19:30", "Buurthuis", ""},
       "reason:talks.error.reason_moved", true},
      {"moved with a reason", Status::kMoved, sept15, {"2027-09-15", "20:00", "Buurthuis", "Zaal bezet"}, "", true},
  };
  for (const auto& row : kTable) {
    CheckedSchedule s = CheckScheduleForm(row.form, AutumnMeeting(row.status, row.current), rules_, zone_);
    EXPECT_EQ(Fields(s.errors), row.errors) << row.what;
    EXPECT_EQ(s.moved, row.moved) << row.what;
  }
  EXPECT_EQ(CheckScheduleForm({"2027-09-15", "19:30", "Buurthuis", ""}, AutumnMeeting(Status::kToPlan, {}), rules_, zone_)
                .starts_at,
            sept15);
}

TEST_F(TalkTest, StatusChanges) {
  struct Row {
    Status from, to;
    bool allowed;
  };
  const Row kTable[] = {
      {Status::kToPlan, Status::kPlanned, true},     {Status::kToPlan, Status::kCancelled, true},
      {Status::kToPlan, Status::kHeld, false},       {Status::kPlanned, Status::kMoved, true},
      {Status::kPlanned, Status::kHeld, true},       {Status::kMoved, Status::kHeld, true},
      {Status::kMoved, Status::kCancelled, true},    {Status::kHeld, Status::kClosed, true},
      {Status::kHeld, Status::kCancelled, false},    {Status::kPlanned, Status::kClosed, false},
      {Status::kClosed, Status::kHeld, false},       {Status::kCancelled, Status::kPlanned, false},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(!CheckTransition(row.from, row.to).has_value(), row.allowed)
        << StatusName(row.from) << " -> " << StatusName(row.to);
  }
  for (Status s : kAllStatuses) EXPECT_EQ(ParseStatus(StatusName(s)), s);
}

TEST_F(TalkTest, ProposingClosesAWeekBeforeTheMeeting) {
  int64_t starts = At(2027, 9, 15, 19, 30);
  EXPECT_EQ(ProposalsCloseAt(starts, rules_, zone_), At(2027, 9, 8));
  Meeting m = AutumnMeeting(Status::kPlanned, starts);
  EXPECT_TRUE(ProposalsOpen(m, rules_, zone_, At(2027, 9, 7, 23, 59)));
  EXPECT_FALSE(ProposalsOpen(m, rules_, zone_, At(2027, 9, 8)));
  EXPECT_FALSE(ProposalsOpen(AutumnMeeting(Status::kToPlan, std::nullopt), rules_, zone_, kNow)) << "no date yet";
  EXPECT_FALSE(ProposalsOpen(AutumnMeeting(Status::kCancelled, starts), rules_, zone_, kNow));
  RoundRules two_days = rules_;
  two_days.agenda_close_days = 2;
  EXPECT_EQ(ProposalsCloseAt(starts, two_days, zone_), At(2027, 9, 13));
}

TEST_F(TalkTest, AgreementsMinutesAndHeld) {
  struct Row {
    AgreementForm form;
    std::string errors;
  };
  const Row kTable[] = {
      {{"Meten hoe hard er wordt gereden.", "Verkeer", "Johan", "2027-01-15"}, ""},
      {{"Meten.", "Verkeer", "Johan", "2026-11-23"}, ""},
      {{"", "", "", "2026-11-20"},
       "text:talks.error.missing_agreement department:talks.error.missing_department "
       "person:talks.error.missing_person due:talks.error.past_date"},
      {{"Meten.", "Verkeer", "Johan", "morgen"}, "due:talks.error.bad_date"},
  };
  for (const auto& row : kTable) EXPECT_EQ(Fields(CheckAgreementForm(row.form, zone_, kNow).errors), row.errors);

  std::vector<FieldError> errors;
  EXPECT_EQ(CheckMinutes("  ", false, errors), "");
  EXPECT_TRUE(errors.empty()) << "a draft may be empty";
  CheckMinutes("", true, errors);
  EXPECT_EQ(Fields(errors), "minutes:talks.error.missing_minutes");

  Meeting m = AutumnMeeting(Status::kPlanned, kNow + 3600);
  EXPECT_EQ(std::string(CheckHeld(m, kNow).value_or("")), "talks.error.not_yet");
  EXPECT_FALSE(CheckHeld(m, kNow + 3600).has_value());
  m.status = Status::kHeld;
  EXPECT_EQ(std::string(CheckHeld(m, kNow + 7200).value_or("")), "talks.flow.not_allowed");
}

TEST(TalkPermissionsTest, WhoPlansAndWhoProposes) {
  auth::User admin{1, "a@x", "A", "nl", {{auth::Role::kAdministrator, ""}}};
  auth::User centrum{2, "c@x", "C", "nl", {{auth::Role::kAreaLiaison, "centrum"}}};
  auth::User everywhere{3, "e@x", "E", "nl", {{auth::Role::kAreaLiaison, ""}}};
  auth::User kern{4, "k@x", "K", "nl", {{auth::Role::kKernteamMember, "7"}}};
  auth::User resident{5, "r@x", "R", "nl", {}};
  EXPECT_TRUE(CanPlan(admin, "noord"));
  EXPECT_TRUE(CanPlan(centrum, "centrum"));
  EXPECT_FALSE(CanPlan(centrum, "noord"));
  EXPECT_TRUE(CanPlan(everywhere, "noord"));
  EXPECT_FALSE(CanPlan(kern, "centrum"));
  EXPECT_TRUE(CanPlanCity(admin));
  EXPECT_TRUE(CanPlanCity(everywhere));
  EXPECT_FALSE(CanPlanCity(centrum)) << "a gebiedsverbinder of one stadsdeel plans only that one";
  EXPECT_TRUE(IsPlanner(centrum));
  EXPECT_FALSE(IsPlanner(kern));
  EXPECT_TRUE(CanTakePart(kern, "7", "centrum"));
  EXPECT_FALSE(CanTakePart(kern, "8", "centrum")) << "another platform's kernteam";
  EXPECT_TRUE(CanTakePart(centrum, "8", "centrum"));
  EXPECT_FALSE(CanTakePart(resident, "7", "centrum"));
  EXPECT_FALSE(CanTakePart(auth::User{}, "7", "centrum"));
}

}  // namespace
}  // namespace wp::talks
