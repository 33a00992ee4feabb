// Plain types of the participation calendar (participatiekalender): a
// project of the municipality in one or more wijken, with its standard
// participation paragraph (what residents can influence, what is fixed, the
// participation level, how the wijkplatform is involved), its contact, a
// timeline of phases and a status with an append-only history. With the
// checks of the forms, the status rules and the current and next phase.
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "features/geography/geography.h"

namespace wp::participation {

// How far residents' say goes (participatieladder): informeren,
// raadplegen, adviseren, meebeslissen.
enum class Level { kInform, kConsult, kAdvise, kCoDecide };
inline constexpr Level kAllLevels[] = {Level::kInform, Level::kConsult, Level::kAdvise, Level::kCoDecide};
// "inform", "consult", "advise", "co_decide".
std::string_view LevelName(Level l);
std::optional<Level> ParseLevel(std::string_view name);

// gepland -> loopt -> afgerond, or geannuleerd (with a reason).
enum class Status { kPlanned, kRunning, kFinished, kCancelled };
inline constexpr Status kAllStatuses[] = {Status::kPlanned, Status::kRunning, Status::kFinished, Status::kCancelled};
// "planned", "running", "finished", "cancelled".
std::string_view StatusName(Status s);
std::optional<Status> ParseStatus(std::string_view name);
// Finished and cancelled projects are closed: no more changes.
bool IsClosed(Status s);

// One step of the timeline. Dates are local calendar days "YYYY-MM-DD";
// `end` is empty when the phase has no set end.
struct Phase {
  std::string name;
  std::string start;
  std::string end;
  bool operator==(const Phase&) const = default;
};

struct Contact {
  std::string name;   // the official residents can ask
  std::string email;  // their work address
};

struct Project {
  int64_t id = 0;
  std::string title;
  std::string summary;
  std::vector<std::string> districts;  // CBS wijkcodes "WK039219", sorted, at least one
  std::string department;
  Contact contact;
  Level level = Level::kConsult;
  std::string can_influence;  // what residents have a say on
  std::string fixed;          // what is decided already
  std::string platform_role;  // how the wijkplatform is involved
  std::vector<Phase> phases;  // by start date, at least one
  Status status = Status::kPlanned;
  std::string status_reason;  // why cancelled
  int64_t created_by = 0;
  int64_t created_at = 0, updated_at = 0;
};

// One line of a project's append-only history.
enum class EntryKind { kCreated, kEdited, kStatus, kNotified };
// "created", "edited", "status", "notified" (a platform was e-mailed).
std::string_view EntryKindName(EntryKind k);
std::optional<EntryKind> ParseEntryKind(std::string_view name);

struct Entry {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;  // filled for pages
  EntryKind kind = EntryKind::kEdited;
  std::string from, to;  // status names (kStatus)
  std::string text;      // a reason, a note, or the platform mailed
};

// One line of a platform's subscription log (append-only): the kernteam
// turned the e-mail about new projects in its area on or off.
struct SubscriptionChange {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;  // filled for pages
  bool subscribed = false;
};

// Limits for form fields, in UTF-8 bytes.
inline constexpr size_t kMaxShortBytes = 200;
inline constexpr size_t kMaxTextBytes = 5000;
// The timeline form has this many rows; empty rows are left out.
inline constexpr int kPhaseRows = 6;

// Error keys of the form checks.
inline constexpr const char* kMissingTitle = "participation.error.missing_title";
inline constexpr const char* kMissingSummary = "participation.error.missing_summary";
inline constexpr const char* kTooLong = "participation.error.too_long";
inline constexpr const char* kNoDistrict = "participation.error.no_district";
inline constexpr const char* kUnknownDistrict = "participation.error.unknown_district";
inline constexpr const char* kMissingDepartment = "participation.error.missing_department";
inline constexpr const char* kMissingContactName = "participation.error.missing_contact_name";
inline constexpr const char* kBadEmail = "participation.error.bad_email";
inline constexpr const char* kBadLevel = "participation.error.bad_level";
inline constexpr const char* kMissingCanInfluence = "participation.error.missing_can_influence";
inline constexpr const char* kMissingFixed = "participation.error.missing_fixed";
inline constexpr const char* kMissingPlatformRole = "participation.error.missing_platform_role";
inline constexpr const char* kNoPhase = "participation.error.no_phase";
inline constexpr const char* kMissingPhaseName = "participation.error.missing_phase_name";
inline constexpr const char* kBadDate = "participation.error.bad_date";
inline constexpr const char* kEndBeforeStart = "participation.error.end_before_start";
inline constexpr const char* kBadStatus = "participation.error.bad_status";
inline constexpr const char* kMissingReason = "participation.error.missing_reason";

// A timeline row as typed: fields phase_name_N, phase_start_N, phase_end_N (N from 1).
struct PhaseForm {
  std::string name, start, end;
};

// The project form as typed. `districts` are the checked wijkcodes.
struct ProjectForm {
  std::string title, summary;
  std::vector<std::string> districts;
  std::string department, contact_name, contact_email, level;
  std::string can_influence, fixed, platform_role;
  std::vector<PhaseForm> phases;
};

struct CheckedProject {
  Project project;  // the typed content when errors is empty (no id, status or times)
  std::vector<FieldError> errors;
};

// Checks the form against the wijken of `m`: a title and summary, at least
// one known wijk, a department and a contact with a plausible address, a
// known level, both "what you can influence" and "what is fixed" (that is
// the point of the paragraph), how the platform is involved, and at least
// one phase; a phase row that is not empty needs a name and a real start
// date, and its end (optional) is not before its start. Errors of row N
// name the field phase_name_N, phase_start_N or phase_end_N; "no phase"
// names phase_name_1. Phases come back sorted by start date (stable).
CheckedProject CheckProjectForm(const ProjectForm& form, const geography::Municipality& m);

// The stadsdelen (Borough::slug) of a project's wijken in `m`, sorted.
std::set<std::string> BoroughsOf(const std::vector<std::string>& districts, const geography::Municipality& m);

// nullopt when a project may go from `from` to `to`: planned -> running or
// cancelled; running -> finished or cancelled. Otherwise the error key
// (participation.flow.same_status, participation.flow.not_allowed).
std::optional<std::string_view> CheckTransition(Status from, Status to);

// The status form: the new status and a reason (required for cancelled).
struct StatusForm {
  std::string status, reason;
};
struct CheckedStatus {
  Status status = Status::kPlanned;
  std::string reason;
  std::vector<FieldError> errors;
};
CheckedStatus CheckStatusForm(const StatusForm& form, Status current);

// Where the timeline stands on local day `today` ("YYYY-MM-DD"): the index
// of the current phase (the last one started on or before today whose end,
// if any, is not past), and of the next one (the first starting after
// today). nullopt when there is none.
struct TimelinePosition {
  std::optional<size_t> current, next;
};
TimelinePosition PositionOn(const std::vector<Phase>& phases, std::string_view today);

// "Europawijk, Boerhaavewijk": the names of wijken `codes` in `m` (an unknown code as itself).
std::string DistrictNames(const std::vector<std::string>& codes, const geography::Municipality& m);

// The wijken (CBS numbering) of an area of buurtcodes ("BU03921901" -> "WK039219").
std::set<std::string> DistrictsOfArea(const std::set<std::string>& neighbourhoods);

// True when the two sets of wijkcodes share one.
bool Overlaps(const std::vector<std::string>& a, const std::set<std::string>& b);

}  // namespace wp::participation
