// Plain types of the promises log (toezeggingen): what the municipality
// commits to a wijkplatform, where it was made (an answer to an advice
// point, a meeting, elsewhere), who owns it (a department and a person),
// when it is due, its status, and the append-only history of updates and
// handovers. With the checks of the forms and the status rules. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time/time_zone.h"
#include "core/time/working_days.h"

namespace wp::promises {

// Where a promise was made. Commitments in a wijkcontract are not copied
// here: the platform's pages read them from contracts. kTalk: an agreement of
// a meeting in a round of talks (features/talks), made when it was held.
enum class Source { kAnswer, kMeeting, kOther, kTalk };
inline constexpr Source kAllSources[] = {Source::kAnswer, Source::kMeeting, Source::kOther, Source::kTalk};
// "answer", "meeting", "other", "talk".
std::string_view SourceName(Source s);
std::optional<Source> ParseSource(std::string_view name);

// The stored status. Late is not stored: an open promise past its due date
// is late (IsLate).
enum class Status { kOpen, kDone, kDropped };
inline constexpr Status kAllStatuses[] = {Status::kOpen, Status::kDone, Status::kDropped};
// "open", "done", "dropped".
std::string_view StatusName(Status s);
std::optional<Status> ParseStatus(std::string_view name);

// What lists show: the stored status, or late.
enum class Shown { kOpen, kLate, kDone, kDropped };
// "open", "late", "done", "dropped".
std::string_view ShownName(Shown s);

struct Owner {
  std::string department;  // "Afdeling Openbare Ruimte"
  std::string person;      // "Karin Jansen"
  bool operator==(const Owner&) const = default;
};

struct Promise {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string text;
  Source source = Source::kOther;
  std::string source_note;           // the meeting or place ("Wijkschouw 12 maart")
  std::optional<int64_t> advice_id;  // source answer: the advice and
  std::optional<int> point_number;   // the number of its point
  std::optional<int64_t> meeting_id;  // source talk: the meeting of the round of talks
  Owner owner;
  int64_t due_at = 0;  // exclusive end of the due day (a local midnight), unix seconds UTC
  Status status = Status::kOpen;
  std::string status_reason;  // why dropped
  int64_t created_by = 0;
  int64_t created_at = 0, updated_at = 0;
};

// One line of a promise's append-only history: created, an update, a status
// change, or a handover (owner changed).
enum class EntryKind { kCreated, kUpdate, kStatus, kHandover };
// "created", "update", "status", "handover".
std::string_view EntryKindName(EntryKind k);
std::optional<EntryKind> ParseEntryKind(std::string_view name);

struct Entry {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;  // filled for pages
  EntryKind kind = EntryKind::kUpdate;
  std::string from, to;  // status names (kStatus) or "department — person" (kHandover)
  std::string text;
};

// Limits for form fields, in UTF-8 bytes.
inline constexpr size_t kMaxShortBytes = 200;
inline constexpr size_t kMaxTextBytes = 5000;

// Error keys of the form checks.
inline constexpr const char* kMissingText = "promises.error.missing_text";
inline constexpr const char* kTooLong = "promises.error.too_long";
inline constexpr const char* kBadSource = "promises.error.bad_source";
inline constexpr const char* kMissingSourceNote = "promises.error.missing_source_note";
inline constexpr const char* kMissingDepartment = "promises.error.missing_department";
inline constexpr const char* kMissingPerson = "promises.error.missing_person";
inline constexpr const char* kBadDate = "promises.error.bad_date";
inline constexpr const char* kPastDate = "promises.error.past_date";
inline constexpr const char* kBadStatus = "promises.error.bad_status";
inline constexpr const char* kMissingReason = "promises.error.missing_reason";
inline constexpr const char* kSameOwner = "promises.error.same_owner";
inline constexpr const char* kNoPlatform = "promises.error.no_platform";

// The form of a new promise as typed; `due` is a date field ("2027-03-31").
struct PromiseForm {
  std::string text, source, source_note, department, person, due;
};
struct CheckedPromise {
  Promise promise;  // filled when errors is empty: text, source, source_note, owner, due_at
  std::vector<FieldError> errors;
};
// Checks the form at `now`: a text, a known source (a meeting or other
// source names it in source_note; an answer is linked by the caller), a
// department and a person, a real due date not before today. The due date
// ends at the end of its local day, moved to the next working day when it
// is not one (a term ending on a weekend runs on).
CheckedPromise CheckPromiseForm(const PromiseForm& form, const time::TimeZone& zone, const time::WorkingDays& days,
                                int64_t now);

// nullopt when a promise may go from `from` to `to`: open -> done or
// dropped; done -> open (reopened: it was not done after all); dropped is
// final. Otherwise the error key (promises.flow.same_status,
// promises.flow.not_allowed).
std::optional<std::string_view> CheckTransition(Status from, Status to);

// The update form: a text (required), and optionally a new status ("" keeps
// it); dropping needs the text as its reason.
struct UpdateForm {
  std::string text, status;
};
struct CheckedUpdate {
  std::string text;
  Status status = Status::kOpen;  // the status after the update
  std::vector<FieldError> errors;
};
CheckedUpdate CheckUpdateForm(const UpdateForm& form, Status current);

// The handover form: the new owner and a note (optional).
struct HandoverForm {
  std::string department, person, note;
};
struct CheckedHandover {
  Owner owner;
  std::string note;
  std::vector<FieldError> errors;
};
// Needs a department and a person that differ from `current` (kSameOwner on "person").
CheckedHandover CheckHandoverForm(const HandoverForm& form, const Owner& current);

// True when an open promise's due date has passed at `now`.
bool IsLate(Status status, int64_t due_at, int64_t now);
Shown ShownStatus(const Promise& p, int64_t now);
// The working days a late promise is late at `now`: 1 on the first working
// day after its due day. 0 when it is not late.
int WorkingDaysLate(const Promise& p, const time::TimeZone& zone, const time::WorkingDays& days, int64_t now);

// "department — person", the form of a handover line.
std::string OwnerLine(const Owner& o);

}  // namespace wp::promises
