#include "features/events/event.h"

#include <gtest/gtest.h>

namespace wp::events {
namespace {

time::TimeZone Amsterdam() { return *time::TimeZone::FromPosixRule(time::kAmsterdamRule); }

EventForm GoodForm() {
  return {"Themabijeenkomst groen",
          "theme_meeting",
          "Over *bomen*.",
          "2026-12-03",
          "19:30",
          "",
          "21:30",
          "Buurthuis De Ringvaart",
          "25"};
}

TEST(EventFormTest, AcceptsAGoodFormAndConvertsToUtc) {
  auto c = CheckEventForm(GoodForm(), Amsterdam());
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.event.starts_at_utc, time::UnixFromCivil({2026, 12, 3, 18, 30, 0}));
  EXPECT_EQ(c.event.ends_at_utc, time::UnixFromCivil({2026, 12, 3, 20, 30, 0}));
  EXPECT_EQ(c.event.capacity, 25);
  EXPECT_EQ(c.event.title, "Themabijeenkomst groen");
  // Summer time: two hours difference.
  EventForm summer = GoodForm();
  summer.start_date = "2027-06-10";
  auto s = CheckEventForm(summer, Amsterdam());
  EXPECT_EQ(s.event.starts_at_utc, time::UnixFromCivil({2027, 6, 10, 17, 30, 0}));
  // Round trip back to the form.
  EventForm back = FormFromEvent(c.event, Amsterdam());
  EXPECT_EQ(back.start_date, "2026-12-03");
  EXPECT_EQ(back.start_time, "19:30");
  EXPECT_EQ(back.end_date, "");
  EXPECT_EQ(back.end_time, "21:30");
  EXPECT_EQ(back.capacity, "25");
}

TEST(EventFormTest, OvernightAcrossTheClockChange) {
  EventForm f = GoodForm();
  f.start_date = "2026-10-24";
  f.start_time = "22:00";
  f.end_date = "2026-10-25";
  f.end_time = "04:00";
  auto c = CheckEventForm(f, Amsterdam());
  ASSERT_TRUE(c.errors.empty());
  EXPECT_EQ(c.event.ends_at_utc - c.event.starts_at_utc, 7 * 3600)
      << "the night the clocks go back lasts an hour longer";
  EventForm back = FormFromEvent(c.event, Amsterdam());
  EXPECT_EQ(back.end_date, "2026-10-25");
}

TEST(EventFormTest, RefusesBadInput) {
  struct Case {
    const char* what;
    EventForm form;
    FieldError expected;
  };
  auto with = [](auto change) {
    EventForm f = GoodForm();
    change(f);
    return f;
  };
  std::vector<Case> cases = {
      {"no title", with([](EventForm& f) { f.title = "   "; }), {"title", kMissing}},
      {"long title", with([](EventForm& f) { f.title = std::string(151, 'a'); }), {"title", kTooLong}},
      {"newline in title", with([](EventForm& f) { f.title = "a\nb"; }), {"title", kBadCharacters}},
      {"bad utf-8", with([](EventForm& f) { f.place = "\xC3\x28"; }), {"place", kBadCharacters}},
      {"no place", with([](EventForm& f) { f.place = ""; }), {"place", kMissing}},
      {"unknown kind", with([](EventForm& f) { f.kind = "Theme_Meeting"; }), {"kind", kBadKind}},
      {"no kind", with([](EventForm& f) { f.kind = ""; }), {"kind", kMissing}},
      {"no date", with([](EventForm& f) { f.start_date = ""; }), {"start_date", kMissing}},
      {"30 February", with([](EventForm& f) { f.start_date = "2027-02-30"; }), {"start_date", kBadDate}},
      {"Dutch date", with([](EventForm& f) { f.start_date = "03-12-2026"; }), {"start_date", kBadDate}},
      {"25:00", with([](EventForm& f) { f.start_time = "25:00"; }), {"start_time", kBadTime}},
      {"time text", with([](EventForm& f) { f.end_time = "half acht"; }), {"end_time", kBadTime}},
      {"end before start", with([](EventForm& f) { f.end_time = "18:00"; }), {"end_time", kEndBeforeStart}},
      {"end equals start", with([](EventForm& f) { f.end_time = "19:30"; }), {"end_time", kEndBeforeStart}},
      {"end date earlier", with([](EventForm& f) { f.end_date = "2026-12-02"; }), {"end_time", kEndBeforeStart}},
      {"a month long", with([](EventForm& f) { f.end_date = "2027-01-10"; }), {"end_date", kTooLongDuration}},
      {"capacity 0", with([](EventForm& f) { f.capacity = "0"; }), {"capacity", kBadCapacity}},
      {"capacity -3", with([](EventForm& f) { f.capacity = "-3"; }), {"capacity", kBadCapacity}},
      {"capacity text", with([](EventForm& f) { f.capacity = "veel"; }), {"capacity", kBadCapacity}},
      {"capacity huge", with([](EventForm& f) { f.capacity = "99999999999"; }), {"capacity", kBadCapacity}},
  };
  for (const auto& c : cases) {
    auto r = CheckEventForm(c.form, Amsterdam());
    ASSERT_EQ(r.errors.size(), 1u) << c.what;
    EXPECT_EQ(r.errors[0], c.expected) << c.what;
  }
  EventForm empty_capacity = GoodForm();
  empty_capacity.capacity = "";
  auto unlimited = CheckEventForm(empty_capacity, Amsterdam());
  EXPECT_TRUE(unlimited.errors.empty());
  EXPECT_FALSE(unlimited.event.capacity.has_value());
}

TEST(EventStatusTest, Flow) {
  using S = EventStatus;
  EXPECT_TRUE(CanChangeStatus(S::kDraft, S::kPublished));
  EXPECT_TRUE(CanChangeStatus(S::kDraft, S::kCancelled));
  EXPECT_TRUE(CanChangeStatus(S::kPublished, S::kCancelled));
  EXPECT_FALSE(CanChangeStatus(S::kPublished, S::kDraft));
  EXPECT_FALSE(CanChangeStatus(S::kCancelled, S::kPublished));
  EXPECT_FALSE(CanChangeStatus(S::kCancelled, S::kDraft));
  EXPECT_FALSE(CanChangeStatus(S::kPublished, S::kPublished));
  for (auto s : {S::kDraft, S::kPublished, S::kCancelled}) EXPECT_EQ(ParseEventStatus(EventStatusName(s)), s);
  EXPECT_EQ(ParseEventStatus("open"), std::nullopt);
}

// Who may see, register and cancel: status x manager x time.
TEST(EventPermissionsTest, Table) {
  struct Row {
    EventStatus status;
    bool manages;
    int moment;  // 0 before the start, 1 during, 2 after the end
    bool see, reg, cancel;
  };
  using S = EventStatus;
  const Row rows[] = {
      {S::kDraft, false, 0, false, false, false},    {S::kDraft, true, 0, true, false, false},
      {S::kPublished, false, 0, true, true, true},   {S::kPublished, true, 0, true, true, true},
      {S::kPublished, false, 1, true, false, true},  {S::kPublished, false, 2, true, false, false},
      {S::kCancelled, false, 0, true, false, false}, {S::kCancelled, true, 0, true, false, false},
  };
  Event e;
  e.starts_at_utc = 1000;
  e.ends_at_utc = 2000;
  for (const auto& r : rows) {
    e.status = r.status;
    int64_t now = r.moment == 0 ? 500 : r.moment == 1 ? 1500 : 2500;
    SCOPED_TRACE(std::string(EventStatusName(r.status)) + (r.manages ? " manager " : " visitor ") +
                 std::to_string(r.moment));
    EXPECT_EQ(CanSeeEvent(e, r.manages), r.see);
    EXPECT_EQ(CanRegister(e, now), r.reg);
    EXPECT_EQ(CanCancelRegistration(e, now), r.cancel);
  }
  e.status = S::kCancelled;
  EXPECT_FALSE(IsEditable(e));
  e.status = S::kPublished;
  EXPECT_TRUE(IsEditable(e));
  EXPECT_EQ(EventUid(12, "wijkplatform.test"), "event-12@wijkplatform.test");
}

TEST(EventKindTest, NamesRoundTrip) {
  for (EventKind k : kAllEventKinds) EXPECT_EQ(ParseEventKind(EventKindName(k)), k);
  EXPECT_EQ(ParseEventKind("Theme_Meeting"), std::nullopt);
  EventForm walk = GoodForm();
  walk.kind = " neighbourhood_walk ";
  EXPECT_EQ(CheckEventForm(walk, Amsterdam()).event.kind, EventKind::kNeighbourhoodWalk);
}

}  // namespace
}  // namespace wp::events
