// Plain types of a neighbourhood contract (wijkcontract): for one platform's
// area and one year, themes with commitments (afspraken), each made by a
// party (a municipal department, the platform, a partner such as a housing
// corporation or the police) with an owner and a due date; progress updates
// with evidence; amendments after signing with their reason; and the
// append-only history. With the checks of the forms that create them. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/strings.h"
#include "core/time/time_zone.h"

namespace wp::contracts {

// The two sides that draft and sign a contract.
enum class Side { kPlatform, kMunicipality };
// "platform", "municipality".
std::string_view SideName(Side s);

// draft -> signed (both sides approved; frozen and public) -> reviewed (the
// year review is written; next year's contract may start from it).
enum class ContractStatus { kDraft, kSigned, kReviewed };
// "draft", "signed", "reviewed".
std::string_view ContractStatusName(ContractStatus s);
std::optional<ContractStatus> ParseContractStatus(std::string_view name);

// Who commits.
enum class PartyKind { kDepartment, kPlatform, kPartner };
inline constexpr PartyKind kAllPartyKinds[] = {PartyKind::kDepartment, PartyKind::kPlatform, PartyKind::kPartner};
// "department", "platform", "partner".
std::string_view PartyKindName(PartyKind k);
std::optional<PartyKind> ParsePartyKind(std::string_view name);

// The status its owner reports (commitment_flow.h has the allowed changes).
enum class CommitmentStatus { kAgreed, kInProgress, kDone, kDropped };
inline constexpr CommitmentStatus kAllCommitmentStatuses[] = {CommitmentStatus::kAgreed, CommitmentStatus::kInProgress,
                                                              CommitmentStatus::kDone, CommitmentStatus::kDropped};
// "agreed", "in_progress", "done", "dropped".
std::string_view CommitmentStatusName(CommitmentStatus s);
std::optional<CommitmentStatus> ParseCommitmentStatus(std::string_view name);

struct Approval {
  int64_t user_id = 0;
  int64_t at = 0;
};

struct Contract {
  int64_t id = 0;
  int64_t platform_id = 0;
  int year = 0;
  std::string title;
  std::string municipal_contact_name, municipal_contact_email;  // the gebiedsverbinder
  ContractStatus status = ContractStatus::kDraft;
  std::optional<Approval> platform_approval, municipality_approval;
  std::optional<int64_t> signed_at;
  std::string signed_version;          // the frozen text at signing (JSON written by the commands)
  std::string review;                  // the year review: what was done, what not and why
  std::optional<int64_t> previous_id;  // the contract of the year before it started from
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Theme {
  int64_t id = 0;
  int64_t contract_id = 0;
  int position = 0;
  std::string name;
};

struct Commitment {
  int64_t id = 0;
  int64_t contract_id = 0;
  int64_t theme_id = 0;
  std::string text;
  PartyKind party = PartyKind::kDepartment;
  std::string party_name;  // "Afdeling Openbare Ruimte", "Elan Wonen"
  std::string owner_name, owner_email;
  int64_t due_at = 0;  // exclusive end of the due day (a local midnight), unix seconds UTC
  CommitmentStatus status = CommitmentStatus::kAgreed;
  std::optional<int64_t> reminded_due_at;  // the due date the last reminder was for
  bool added_by_amendment = false;
};

// A file with a progress update: a photo (a JPEG the server made) or a
// document (a PDF as uploaded). The bytes are loaded only to serve it.
enum class EvidenceKind { kPhoto, kDocument };
// "photo", "document".
std::string_view EvidenceKindName(EvidenceKind k);
std::optional<EvidenceKind> ParseEvidenceKind(std::string_view name);

struct Evidence {
  int64_t id = 0;
  int64_t update_id = 0;
  EvidenceKind kind = EvidenceKind::kPhoto;
  std::string file_name;  // shown; for a document the uploader's name, cleaned
  std::string content_type;
  int64_t bytes = 0;
};

// Limits of a document, and the error keys of its check.
inline constexpr size_t kMaxDocumentBytes = 5 * 1024 * 1024;
inline constexpr const char* kNotPdf = "contracts.error.not_pdf";
inline constexpr const char* kDocumentTooLarge = "contracts.error.document_too_large";
// Checks an uploaded document: a PDF by its first bytes ("%PDF-"), at most
// kMaxDocumentBytes. Returns the error key, or nullopt when it is fine.
std::optional<std::string> CheckDocument(std::string_view data);
// The shown name of a document: CleanDocumentName of core/strings.h.

// A progress report on a commitment, with evidence.
struct Update {
  int64_t id = 0;
  int64_t commitment_id = 0;
  std::string from_status, to_status;  // names; equal when only news
  std::string text;
  int64_t actor_id = 0;
  std::string actor_name;
  int64_t at = 0;
  std::vector<Evidence> evidence;
};

// A change to a signed contract, with its reason.
struct Amendment {
  int64_t id = 0;
  int64_t contract_id = 0;
  std::optional<int64_t> commitment_id;
  std::string before, after;  // what changed, as text
  std::string reason;
  int64_t actor_id = 0;
  std::string actor_name;
  int64_t at = 0;
};

// One line of the append-only history of a contract.
struct HistoryEntry {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;
  std::string event;  // "created", "approved_platform", "approved_municipality", "signed", "amended", ...
  std::string note;
};

// Limits for form fields, in UTF-8 bytes.
inline constexpr size_t kMaxTitleBytes = 200;
inline constexpr size_t kMaxTextBytes = 10000;
inline constexpr int kMinYear = 2020;
inline constexpr int kMaxYear = 2100;

// Error keys of the form checks (the field names are the form's).
inline constexpr const char* kMissingTitle = "contracts.error.missing_title";
inline constexpr const char* kTooLong = "contracts.error.too_long";
inline constexpr const char* kBadYear = "contracts.error.bad_year";
inline constexpr const char* kMissingContact = "contracts.error.missing_contact";
inline constexpr const char* kBadEmail = "contracts.error.bad_email";
inline constexpr const char* kMissingTheme = "contracts.error.missing_theme";
inline constexpr const char* kMissingText = "contracts.error.missing_text";
inline constexpr const char* kBadParty = "contracts.error.bad_party";
inline constexpr const char* kMissingParty = "contracts.error.missing_party";
inline constexpr const char* kMissingOwner = "contracts.error.missing_owner";
inline constexpr const char* kBadDate = "contracts.error.bad_date";
inline constexpr const char* kOutsideYear = "contracts.error.outside_year";
inline constexpr const char* kBadStatus = "contracts.error.bad_status";
inline constexpr const char* kMissingReason = "contracts.error.missing_reason";
inline constexpr const char* kNothingChanged = "contracts.error.nothing_changed";

// A required text field: present, valid UTF-8, at most `max` bytes.
// Appends kMissing/kTooLong for `field` to `errors`; returns the trimmed text.
std::string CheckText(std::string_view value, const char* field, const char* missing_key, size_t max,
                      std::vector<FieldError>& errors);

// The new-contract form as typed.
struct ContractForm {
  std::string year, title, contact_name, contact_email;
};
struct CheckedContract {
  Contract contract;  // filled when errors is empty (year, title, contact)
  std::vector<FieldError> errors;
};
// Checks the form: a year between kMinYear and kMaxYear, a title, the
// gebiedsverbinder's name and a plausible e-mail address.
CheckedContract CheckContractForm(const ContractForm& form);

// The commitment form as typed. `due` is a date field ("2027-06-30"), the
// last day of the commitment.
struct CommitmentForm {
  std::string theme_id, text, party, party_name, owner_name, owner_email, due;
};
struct CheckedCommitment {
  Commitment commitment;  // filled when errors is empty (theme, text, party, owner, due_at)
  std::vector<FieldError> errors;
};
// Checks the form for a contract of `year`: a theme (a number; the commands
// check it belongs to the contract), a text, a known party kind with a name,
// an owner with a plausible e-mail address, a real due date within `year`
// (kOutsideYear otherwise).
CheckedCommitment CheckCommitmentForm(const CommitmentForm& form, int year, const time::TimeZone& zone);

}  // namespace wp::contracts
