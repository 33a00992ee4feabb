// Archive documents of a wijkplatform (collective memory, #14 item 8): the
// kinds, the states (public, withdrawn), the form checks and the search
// terms a visitor typed. Pure.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::archive {

// Stored and used in URLs by their Dutch name (KindName).
// kAdviceRequest: an advice request (adviesaanvraag) of the municipality.
enum class Kind { kMinutes, kReport, kAnnualReport, kAdvice, kAnswer, kOther, kAdviceRequest };
inline constexpr std::array<Kind, 7> kAllKinds = {Kind::kMinutes, Kind::kReport, Kind::kAnnualReport, Kind::kAdvice,
                                                  Kind::kAnswer,  Kind::kOther,  Kind::kAdviceRequest};
// notulen, verslag, jaarverslag, advies, antwoord, overig, adviesaanvraag
std::string_view KindName(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);

enum class Status { kPublic, kWithdrawn };
std::string_view StatusName(Status status);  // public, withdrawn
std::optional<Status> ParseStatus(std::string_view name);

struct Document {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string title;
  Kind kind = Kind::kOther;
  std::string document_date;  // YYYY-MM-DD, the date on the document
  std::string description;
  std::string file_name;
  std::string sha256;
  int64_t size_bytes = 0;
  Status status = Status::kPublic;
  std::string withdrawn_reason;
  int64_t uploaded_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A line of the append-only history of a document.
enum class EntryKind { kUploaded, kWithdrawn };
std::string_view EntryKindName(EntryKind kind);  // uploaded, withdrawn
std::optional<EntryKind> ParseEntryKind(std::string_view name);

struct Entry {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;  // filled in by the commands
  EntryKind kind = EntryKind::kUploaded;
  std::string text;  // the reason of a withdrawal
};

// What the upload form sends.
struct DocumentForm {
  std::string title;
  std::string kind;
  std::string date;  // YYYY-MM-DD
  std::string description;
};

inline constexpr size_t kMaxTitle = 200;
inline constexpr size_t kMaxDescription = 2000;
inline constexpr size_t kMaxReason = 1000;

// Message keys of the form checks.
inline constexpr const char* kMissingTitle = "archive.error.missing_title";
inline constexpr const char* kTooLong = "archive.error.too_long";
inline constexpr const char* kBadKind = "archive.error.bad_kind";
inline constexpr const char* kBadDate = "archive.error.bad_date";
inline constexpr const char* kFutureDate = "archive.error.future_date";
inline constexpr const char* kMissingReason = "archive.error.missing_reason";

struct CheckedDocument {
  Document document;  // title, kind, date and description, trimmed
  std::vector<FieldError> errors;
};

// Checks the form; `today` is the local date (YYYY-MM-DD): a document date
// after it is refused.
CheckedDocument CheckDocumentForm(const DocumentForm& form, std::string_view today);
// Checks the reason of a withdrawal (field "reason"): empty when fine.
std::vector<FieldError> CheckWithdrawReason(std::string_view reason);

// The words of a search box, lower case (ASCII letters), split on anything
// that is not a letter or digit (bytes of UTF-8 letters are kept), at most
// 8 words of at most 40 bytes. Empty when nothing is left.
std::vector<std::string> SearchTerms(std::string_view query);

}  // namespace wp::archive
