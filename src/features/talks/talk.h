// Plain types of the rounds of talks (gespreksrondes): twice a year the
// municipality meets each wijkplatform. A round is a year and a half (spring:
// April/May, autumn: September/October by default); a meeting per platform
// in a round has a date, a place, a status, an agenda of items proposed by
// the kernteam or the municipality, minutes and agreements (which become
// promises when the meeting is held), and an append-only history. With the
// form checks, the status rules and the time rules. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/time/time_zone.h"

namespace wp::talks {

enum class Half { kSpring, kAutumn };
inline constexpr Half kAllHalves[] = {Half::kSpring, Half::kAutumn};
// "spring", "autumn".
std::string_view HalfName(Half h);
std::optional<Half> ParseHalf(std::string_view name);

// The settings of the rounds: the months of each window (inclusive) and how
// many days before a meeting proposing agenda items closes.
struct RoundRules {
  int spring_first_month = 4, spring_last_month = 5;
  int autumn_first_month = 9, autumn_last_month = 10;
  int agenda_close_days = 7;
};

struct Round {
  int64_t id = 0;
  int year = 0;
  Half half = Half::kSpring;
  std::string borough;  // a stadsdeel slug, or "" for the whole city
  int64_t created_by = 0, created_at = 0;
};

// The round's window [start, end): local midnight of the first day of its
// first month to local midnight after the last day of its last month.
std::pair<int64_t, int64_t> RoundWindow(const RoundRules& rules, int year, Half half, const time::TimeZone& zone);

// to_plan: a proposal of the round without a date; planned: date and place
// set (the kernteam is mailed); moved: planned again on a new date with a
// reason; held: the minutes are public and the agreements became promises;
// closed: final; cancelled: with a reason, final.
enum class Status { kToPlan, kPlanned, kMoved, kHeld, kClosed, kCancelled };
inline constexpr Status kAllStatuses[] = {Status::kToPlan, Status::kPlanned, Status::kMoved,
                                          Status::kHeld,   Status::kClosed,  Status::kCancelled};
// "to_plan", "planned", "moved", "held", "closed", "cancelled".
std::string_view StatusName(Status s);
std::optional<Status> ParseStatus(std::string_view name);
// Planned or moved: a date is set and the meeting has not taken place.
bool IsUpcoming(Status s);
// Held or closed: the minutes and agreements are public.
bool IsPublished(Status s);

// nullopt when a meeting may go from `from` to `to`; otherwise the error key
// (talks.flow.not_allowed). to_plan -> planned | cancelled; planned, moved ->
// moved | held | cancelled; held -> closed. Closed and cancelled are final.
std::optional<std::string_view> CheckTransition(Status from, Status to);

struct Meeting {
  int64_t id = 0;
  int64_t round_id = 0;
  int64_t platform_id = 0;
  int year = 0;
  Half half = Half::kSpring;
  Status status = Status::kToPlan;
  std::optional<int64_t> starts_at;  // unix seconds UTC
  std::string place;
  std::string reason;  // why outside the window, moved or cancelled (the last one given)
  std::string minutes;
  int64_t created_at = 0, updated_at = 0;
};

enum class Proposer { kKernteam, kMunicipality };
// "kernteam", "municipality".
std::string_view ProposerName(Proposer p);
std::optional<Proposer> ParseProposer(std::string_view name);

struct AgendaItem {
  int64_t id = 0;
  int64_t meeting_id = 0;
  int position = 0;  // 1, 2, ...: the order of the agenda
  Proposer proposer = Proposer::kKernteam;
  int64_t proposed_by = 0;
  std::string proposer_name;  // filled for pages
  std::string text;
  int64_t created_at = 0;
};

struct Agreement {
  int64_t id = 0;
  int64_t meeting_id = 0;
  int position = 0;
  std::string text, department, person;
  int64_t due_at = 0;                 // exclusive end of the due day (a local midnight)
  std::optional<int64_t> promise_id;  // set when the meeting was recorded as held
  int64_t created_at = 0;
};

// One line of a meeting's append-only history.
enum class EntryKind { kCreated, kPlanned, kMoved, kEdited, kAgenda, kMinutes, kAgreement, kRemoved, kHeld, kClosed, kCancelled };
// "created", "planned", "moved", "edited", "agenda", "minutes", "agreement",
// "removed", "held", "closed", "cancelled".
std::string_view EntryKindName(EntryKind k);
std::optional<EntryKind> ParseEntryKind(std::string_view name);

struct Entry {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;  // filled for pages
  EntryKind kind = EntryKind::kEdited;
  std::string text;
};

// Limits for form fields, in UTF-8 bytes.
inline constexpr size_t kMaxShortBytes = 200;
inline constexpr size_t kMaxTextBytes = 5000;
inline constexpr size_t kMaxMinutesBytes = 50000;

// Error keys of the form checks.
inline constexpr const char* kTooLong = "talks.error.too_long";
inline constexpr const char* kBadYear = "talks.error.bad_year";
inline constexpr const char* kBadHalf = "talks.error.bad_half";
inline constexpr const char* kBadDate = "talks.error.bad_date";
inline constexpr const char* kBadTime = "talks.error.bad_time";
inline constexpr const char* kPastDate = "talks.error.past_date";
inline constexpr const char* kMissingPlace = "talks.error.missing_place";
inline constexpr const char* kReasonOutside = "talks.error.reason_outside";
inline constexpr const char* kReasonMoved = "talks.error.reason_moved";
inline constexpr const char* kMissingReason = "talks.error.missing_reason";
inline constexpr const char* kMissingItem = "talks.error.missing_item";
inline constexpr const char* kMissingMinutes = "talks.error.missing_minutes";
inline constexpr const char* kMissingAgreement = "talks.error.missing_agreement";
inline constexpr const char* kMissingDepartment = "talks.error.missing_department";
inline constexpr const char* kMissingPerson = "talks.error.missing_person";

// The form of a new round: year, half ("spring" | "autumn"), stadsdeel ("" = city).
struct RoundForm {
  std::string year, half, borough;
};
struct CheckedRound {
  Round round;  // year, half, borough when errors is empty
  std::vector<FieldError> errors;
};
// A year from two years before `this_year` to two years after, a known half.
CheckedRound CheckRoundForm(const RoundForm& form, int this_year);

// The date form of a meeting: date "2026-09-15", time "19:30", place, reason.
struct ScheduleForm {
  std::string date, time, place, reason;
};
struct CheckedSchedule {
  int64_t starts_at = 0;
  std::string place, reason;
  bool moved = false;  // a planned meeting gets another date or time
  std::vector<FieldError> errors;
};
// Checks the form for meeting `m`: a real date and time, a place; a reason
// when the date lies outside the round's window (kReasonOutside) or when it
// moves a planned meeting (kReasonMoved). A date in the past is allowed: an
// official may record a meeting that took place before it was entered.
CheckedSchedule CheckScheduleForm(const ScheduleForm& form, const Meeting& m, const RoundRules& rules,
                                  const time::TimeZone& zone);

// The instant proposing agenda items closes: local midnight of the day
// `rules.agenda_close_days` before the meeting's day.
int64_t ProposalsCloseAt(int64_t starts_at, const RoundRules& rules, const time::TimeZone& zone);
// True when items may be proposed at `now`: the meeting is upcoming and proposing has not closed.
bool ProposalsOpen(const Meeting& m, const RoundRules& rules, const time::TimeZone& zone, int64_t now);

// An agenda item's text (field "text"). Returns the trimmed text; errors appended.
std::string CheckAgendaText(std::string_view text, std::vector<FieldError>& errors);
// The minutes (field "minutes"): may be empty while a draft (`required` false).
std::string CheckMinutes(std::string_view text, bool required, std::vector<FieldError>& errors);
// A reason (field "reason"), required.
std::string CheckReason(std::string_view text, std::vector<FieldError>& errors);

// The form of an agreement: text, department, person, due date "2027-03-31".
struct AgreementForm {
  std::string text, department, person, due;
};
struct CheckedAgreement {
  Agreement agreement;  // text, department, person, due_at
  std::vector<FieldError> errors;
};
// Needs a text, a department and a person, a real due date not before
// today; the due date ends at the end of its local day.
CheckedAgreement CheckAgreementForm(const AgreementForm& form, const time::TimeZone& zone, int64_t now);

// Why meeting `m` cannot be recorded as held at `now`, as an error key
// (talks.error.not_yet: it has not started), or nullopt. The minutes are
// checked by CheckMinutes.
std::optional<std::string_view> CheckHeld(const Meeting& m, int64_t now);

}  // namespace wp::talks
