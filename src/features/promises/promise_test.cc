#include "features/promises/promise.h"

#include <gtest/gtest.h>

#include <string>

namespace wp::promises {
namespace {

// Monday 23 November 2026, 18:30 in Haarlem.
constexpr int64_t kNow = 1795455000;

class PromiseTest : public ::testing::Test {
 protected:
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  time::WorkingDays days_;
};

std::string Fields(const std::vector<FieldError>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : " ") + e.field + ":" + e.message_key;
  return out;
}

TEST_F(PromiseTest, TheFormOfANewPromise) {
  const PromiseForm kGood{"Er komen 24 bomen.", "meeting", "Wijkschouw", "Openbare Ruimte", "Karin", "2027-01-15"};
  struct Row {
    const char* what;
    PromiseForm form;
    std::string errors;
  };
  auto with = [&](auto change) {
    PromiseForm f = kGood;
    change(f);
    return f;
  };
  const Row kTable[] = {
      {"good", kGood, ""},
      {"due today", with([](PromiseForm& f) { f.due = "2026-11-23"; }), ""},
      {"no text", with([](PromiseForm& f) { f.text = "  "; }), "text:promises.error.missing_text"},
      {"text too long", with([](PromiseForm& f) { f.text = std::string(kMaxTextBytes + 1, 'a'); }),
       "text:promises.error.too_long"},
      {"unknown source", with([](PromiseForm& f) { f.source = "letter"; }), "source:promises.error.bad_source"},
      {"meeting without its name", with([](PromiseForm& f) { f.source_note = ""; }),
       "source_note:promises.error.missing_source_note"},
      {"an answer needs no note", with([](PromiseForm& f) { f.source = "answer", f.source_note = ""; }), ""},
      {"no owner", with([](PromiseForm& f) { f.department = f.person = ""; }),
       "department:promises.error.missing_department person:promises.error.missing_person"},
      {"not a date", with([](PromiseForm& f) { f.due = "2027-02-30"; }), "due:promises.error.bad_date"},
      {"in the past", with([](PromiseForm& f) { f.due = "2026-11-20"; }), "due:promises.error.past_date"},
  };
  for (const auto& row : kTable) {
    CheckedPromise checked = CheckPromiseForm(row.form, zone_, days_, kNow);
    EXPECT_EQ(Fields(checked.errors), row.errors) << row.what;
  }
}

TEST_F(PromiseTest, TheDueDateEndsOnAWorkingDay) {
  PromiseForm f{"Bomen", "other", "Brief", "Openbare Ruimte", "Karin", "2026-11-23"};
  // Due today: by the end of Monday 23 November.
  EXPECT_EQ(CheckPromiseForm(f, zone_, days_, kNow).promise.due_at, 1795474800);
  // Christmas Day: Boxing Day is a Saturday, so the end of Monday 28 December.
  f.due = "2026-12-25";
  EXPECT_EQ(CheckPromiseForm(f, zone_, days_, kNow).promise.due_at, 1798498800);
}

TEST_F(PromiseTest, StatusChanges) {
  struct Row {
    Status from, to;
    const char* problem;  // "" when allowed
  };
  const Row kTable[] = {
      {Status::kOpen, Status::kDone, ""},
      {Status::kOpen, Status::kDropped, ""},
      {Status::kDone, Status::kOpen, ""},
      {Status::kOpen, Status::kOpen, "promises.flow.same_status"},
      {Status::kDone, Status::kDropped, "promises.flow.not_allowed"},
      {Status::kDropped, Status::kOpen, "promises.flow.not_allowed"},
      {Status::kDropped, Status::kDone, "promises.flow.not_allowed"},
      {Status::kDropped, Status::kDropped, "promises.flow.same_status"},
  };
  for (const auto& row : kTable) {
    auto problem = CheckTransition(row.from, row.to);
    EXPECT_EQ(std::string(problem.value_or("")), row.problem) << StatusName(row.from) << " -> " << StatusName(row.to);
  }
}

TEST_F(PromiseTest, TheUpdateForm) {
  struct Row {
    const char* what;
    UpdateForm form;
    Status current, after;
    std::string errors;
  };
  const Row kTable[] = {
      {"news only", {"Besteld.", ""}, Status::kOpen, Status::kOpen, ""},
      {"done", {"Geplant.", "done"}, Status::kOpen, Status::kDone, ""},
      {"the same status is news", {"Nog steeds bezig.", "open"}, Status::kOpen, Status::kOpen, ""},
      {"dropped with its reason", {"Geen geld.", "dropped"}, Status::kOpen, Status::kDropped, ""},
      {"dropped without a reason",
       {"", "dropped"},
       Status::kOpen,
       Status::kDropped,
       "text:promises.error.missing_reason"},
      {"no text", {" ", ""}, Status::kOpen, Status::kOpen, "text:promises.error.missing_text"},
      {"unknown status", {"x", "late"}, Status::kOpen, Status::kOpen, "status:promises.error.bad_status"},
      {"dropped stays dropped",
       {"Toch wel.", "open"},
       Status::kDropped,
       Status::kDropped,
       "status:promises.flow.not_allowed"},
      {"reopened", {"Het lekt weer.", "open"}, Status::kDone, Status::kOpen, ""},
  };
  for (const auto& row : kTable) {
    CheckedUpdate checked = CheckUpdateForm(row.form, row.current);
    EXPECT_EQ(Fields(checked.errors), row.errors) << row.what;
    EXPECT_EQ(checked.status, row.after) << row.what;
  }
}

TEST_F(PromiseTest, AHandoverNeedsANewOwner) {
  const Owner kNow{"Openbare Ruimte", "Karin"};
  EXPECT_EQ(Fields(CheckHandoverForm({"Openbare Ruimte", "Mehmet", "Karin is weg."}, kNow).errors), "");
  EXPECT_EQ(Fields(CheckHandoverForm({"Openbare Ruimte ", " Karin", ""}, kNow).errors),
            "person:promises.error.same_owner");
  EXPECT_EQ(Fields(CheckHandoverForm({"", "", ""}, kNow).errors),
            "department:promises.error.missing_department person:promises.error.missing_person");
  CheckedHandover checked = CheckHandoverForm({"Wonen", "Karin", ""}, kNow);
  EXPECT_EQ(checked.owner, (Owner{"Wonen", "Karin"}));
}

TEST_F(PromiseTest, LateCountsLocalWorkingDaysAfterTheDueDay) {
  Promise p;
  p.due_at = 1795820400;  // the end of Friday 27 November 2026
  struct Row {
    const char* what;
    Status status;
    int64_t now;
    Shown shown;
    int working_days;
  };
  const Row kTable[] = {
      {"friday evening, still on time", Status::kOpen, 1795820400 - 1, Shown::kOpen, 0},
      {"saturday: late, no working day yet", Status::kOpen, 1795860000, Shown::kLate, 0},
      {"monday", Status::kOpen, 1796032800, Shown::kLate, 1},
      {"tuesday", Status::kOpen, 1796119200, Shown::kLate, 2},
      {"done is never late", Status::kDone, 1796119200, Shown::kDone, 0},
      {"dropped is never late", Status::kDropped, 1796119200, Shown::kDropped, 0},
  };
  for (const auto& row : kTable) {
    p.status = row.status;
    EXPECT_EQ(ShownStatus(p, row.now), row.shown) << row.what;
    EXPECT_EQ(WorkingDaysLate(p, zone_, days_, row.now), row.working_days) << row.what;
  }
  // Due on Christmas Eve: Christmas, Boxing Day and the weekend do not count.
  p.status = Status::kOpen;
  p.due_at = 1798153200;  // the end of Thursday 24 December 2026
  EXPECT_EQ(WorkingDaysLate(p, zone_, days_, 1798452000), 1) << "Monday 28 December";
}

TEST_F(PromiseTest, NamesRoundTrip) {
  for (Source s : kAllSources) EXPECT_EQ(ParseSource(SourceName(s)), s);
  for (Status s : kAllStatuses) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  for (EntryKind k : {EntryKind::kCreated, EntryKind::kUpdate, EntryKind::kStatus, EntryKind::kHandover}) {
    EXPECT_EQ(ParseEntryKind(EntryKindName(k)), k);
  }
  EXPECT_FALSE(ParseStatus("late")) << "late is derived, never stored";
}

}  // namespace
}  // namespace wp::promises
