// Plain types of an initiative (bewonersinitiatief) at the initiative desk:
// what the "initiatievenkompas" form asks (what, where, when, who helps, what
// is needed from the municipality), the conditions of a "ja, mits", the
// department input tasks of the check, and the checks of each form. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/strings.h"
#include "features/initiatives/status_flow.h"

namespace wp::initiatives {

// The problems a field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "web.required";
inline constexpr const char* kTooLong = "initiatives.error.too_long";
inline constexpr const char* kBadEmail = "initiatives.error.bad_email";
inline constexpr const char* kBadCharacters = "initiatives.error.bad_characters";
inline constexpr const char* kUnknownNeighbourhood = "initiatives.error.unknown_neighbourhood";
inline constexpr const char* kNoNeeds = "initiatives.error.no_needs";
inline constexpr const char* kBadDate = "initiatives.error.bad_date";
inline constexpr const char* kTaskDeadline = "initiatives.error.task_deadline";
inline constexpr const char* kUnknownDepartment = "initiatives.error.unknown_department";
inline constexpr const char* kNoConditions = "initiatives.error.no_conditions";
inline constexpr const char* kUnknownChoice = "initiatives.error.unknown_choice";

inline constexpr size_t kMaxTitleChars = 100;  // characters (code points), not bytes
inline constexpr size_t kMaxShortChars = 300;
inline constexpr size_t kMaxTextChars = 3000;
inline constexpr size_t kMaxConditions = 20;

// What an initiative needs from the municipality.
enum class Need { kPermit, kMoney, kSpace, kMaterials, kAdvice };
inline constexpr Need kAllNeeds[] = {Need::kPermit, Need::kMoney, Need::kSpace, Need::kMaterials, Need::kAdvice};
// "permit", "money", "space", "materials", "advice".
std::string_view NeedName(Need n);
std::optional<Need> ParseNeed(std::string_view name);
// Needs as stored: names joined by ',' in kAllNeeds order; unknown names are dropped.
std::string NeedsText(const std::vector<Need>& needs);
std::vector<Need> ParseNeeds(std::string_view text);

// The departments that give input in a check.
inline constexpr const char* kDepartments[] = {"vergunningen", "openbare-ruimte", "juridisch", "financien"};
bool IsDepartment(std::string_view slug);

// What the initiatievenkompas asks.
struct Compass {
  std::string title;               // wat, in a few words
  std::string what;                // wat wil je doen, en waarom
  std::string neighbourhood_code;  // waar: a buurt ("BU03920101")
  std::string place;               // the street or spot, optional
  std::string when;                // wanneer ("elke zaterdag in mei")
  std::string helpers;             // wie helpen er mee
  std::vector<Need> needs;         // wat heb je nodig van de gemeente
  std::string needs_detail;        // uitleg bij wat je nodig hebt
  std::string initiator_name;      // a person or a group
  bool is_public = false;          // the initiative may be shown on the public pages
  bool show_name = false;          // with the initiator's name
  bool link_platform = false;      // the wijkplatform of the wijk may follow it
};

// Checks for saving a draft: only lengths and characters (a draft may be
// incomplete), and the title (required: it names the draft).
std::vector<FieldError> CheckDraft(const Compass& c);
// Checks for submitting: a draft's checks, and every question answered
// (place and the needs' explanation stay optional; at least one need or
// "advice").
std::vector<FieldError> CheckSubmission(const Compass& c);
// E-mail addresses, lengths and control characters are checked with
// IsPlausibleEmail, CountChars and HasControlCharacters of core/strings.h.

// The number people quote: "I-12" for id 12; and back (also "12").
std::string InitiativeNumber(int64_t id);
std::optional<int64_t> ParseInitiativeNumber(std::string_view text);

// A condition of a "ja, mits": who must make it happen, and whether it did.
enum class ConditionOwner { kInitiator, kMunicipality };
enum class ConditionStatus { kOpen, kMet, kWaived };
std::string_view OwnerName(ConditionOwner o);  // "initiator", "municipality"
std::optional<ConditionOwner> ParseOwner(std::string_view name);
std::string_view ConditionStatusName(ConditionStatus s);  // "open", "met", "waived"
std::optional<ConditionStatus> ParseConditionStatus(std::string_view name);

struct Condition {
  int64_t id = 0;
  int64_t initiative_id = 0;
  std::string text;
  ConditionOwner owner = ConditionOwner::kInitiator;
  ConditionStatus status = ConditionStatus::kOpen;
  int position = 0;
};

// The answer of the check as the contact person writes it.
struct AnswerInput {
  Answer answer = Answer::kNone;
  std::string explanation;            // for every answer: what the municipality decided and why
  std::string alternative;            // "nee, want": the other route that may work
  std::vector<Condition> conditions;  // "ja, mits": at least one (text and owner)
};
// The problems of an answer: an answer chosen; an explanation; for "ja, mits"
// 1..kMaxConditions conditions with a text each; for "nee, want" the
// alternative route; lengths. Conditions are reported as "condition_<i>".
std::vector<FieldError> CheckAnswer(const AnswerInput& in);

// Counts of the conditions by status.
struct ConditionCounts {
  int open = 0, met = 0, waived = 0;
};
ConditionCounts CountConditions(const std::vector<Condition>& conditions);

// A department input task of the check.
struct DepartmentTask {
  int64_t id = 0;
  int64_t initiative_id = 0;
  std::string department;  // one of kDepartments
  std::string question;
  int64_t due_at = 0;  // end (exclusive local midnight) of its last day
  std::string answer;  // empty until answered
  std::optional<int64_t> answered_at;
  std::string answered_by;
};

// A photo (a JPEG the server made, without metadata) or an attachment (a
// PDF as uploaded) of an initiative. The bytes are loaded only to serve it.
enum class FileKind { kPhoto, kDocument };
std::string_view FileKindName(FileKind k);  // "photo", "document"
std::optional<FileKind> ParseFileKind(std::string_view name);
inline constexpr int kMaxPhotos = 6;
inline constexpr int kMaxDocuments = 3;
inline constexpr size_t kMaxDocumentBytes = 5 * 1024 * 1024;
inline constexpr const char* kNotAFile = "initiatives.files.not_allowed";
inline constexpr const char* kTooManyPhotos = "initiatives.files.too_many_photos";
inline constexpr const char* kTooManyDocuments = "initiatives.files.too_many_documents";
inline constexpr const char* kDocumentTooLarge = "initiatives.files.document_too_large";

struct InitiativeFile {
  int64_t id = 0;
  int64_t initiative_id = 0;
  FileKind kind = FileKind::kPhoto;
  std::string name;  // shown; for a document the uploader's name, cleaned
  std::string content_type;
  int64_t bytes = 0;
  int64_t created_at = 0;
};
// The problem of adding `photos` new photos and `documents` new documents
// next to `existing` (at most kMaxPhotos and kMaxDocuments), as a field
// error of "files", or nullopt.
std::optional<FieldError> CheckFileCounts(const std::vector<InitiativeFile>& existing, int photos, int documents);

// An initiative as stored.
struct Initiative {
  int64_t id = 0;
  InitiativeStatus status = InitiativeStatus::kDraft;
  Answer answer = Answer::kNone;
  Compass compass;
  std::string district_code, borough_slug;  // from the buurt
  std::optional<int64_t> user_id;           // the initiator's account, if any
  std::string email;                        // where decisions are mailed
  std::string locale = "nl";
  bool email_verified = false;  // signed in, or opened a link from a mail
  std::optional<int64_t> platform_id;
  std::optional<int64_t> contact_user_id;
  std::string contact_name;  // shown to the initiator
  int64_t created_at = 0;    // unix seconds, UTC
  int64_t updated_at = 0;
  std::optional<int64_t> submitted_at;
  std::optional<int64_t> answered_at;
  int64_t contact_due_at = 0;  // 0 until submitted (check_clock.h)
  int64_t answer_due_at = 0;
  std::string explanation;  // of the answer
  std::string alternative;  // of a "nee, want"
  bool reminder_sent = false;
};

}  // namespace wp::initiatives
