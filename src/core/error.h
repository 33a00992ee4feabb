// Error: the value carried by a failed Result. `detail` is for logs and
// developers; users see translated text chosen from `code` or a domain enum.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/money.h"

namespace wp {

enum class ErrorCode {
  kInvalidInput,  // the caller sent something malformed or out of range -> 400/422
  kNotFound,      // the thing asked for does not exist -> 404
  kConflict,      // state does not allow it (duplicate, already used, stale) -> 409
  kForbidden,     // the actor may not do this -> 403
  kUnavailable,   // try again later (database busy, a service down) -> 503
  kRateLimited,   // the actor asked too often; try again later -> 429
  kInternal,      // a bug or an unexpected failure -> 500
};

// A problem with one field of a form, shown next to the field and in the
// form's error summary. The one way a command tells a page which fields to
// correct: carried inside the Error of a failed Result.
struct FieldError {
  std::string field;        // the form field's name, e.g. "email"
  std::string message_key;  // i18n key, e.g. "accounts.error.email_taken"
  // Named arguments of the message, e.g. {"max", 200} (numbers stay numbers,
  // so the message can choose its plural form; amounts stay Money, so they
  // are shown with the euro sign of the language).
  std::vector<std::pair<std::string, std::variant<int64_t, std::string, Money>>> args;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string detail;
  // Optional i18n key for the message shown to users (e.g. "accounts.email_taken").
  std::string user_message_key;
  // For kInvalidInput from a form: the fields to correct (may be empty).
  std::vector<FieldError> fields;

  bool has_fields() const { return !fields.empty(); }
};

std::string_view ErrorCodeName(ErrorCode code);

inline Error InvalidInput(std::string detail, std::string key = {}) {
  return Error{ErrorCode::kInvalidInput, std::move(detail), std::move(key)};
}
inline Error NotFound(std::string detail, std::string key = {}) {
  return Error{ErrorCode::kNotFound, std::move(detail), std::move(key)};
}
inline Error Conflict(std::string detail, std::string key = {}) {
  return Error{ErrorCode::kConflict, std::move(detail), std::move(key)};
}
inline Error Forbidden(std::string detail, std::string key = {}) {
  return Error{ErrorCode::kForbidden, std::move(detail), std::move(key)};
}
inline Error Unavailable(std::string detail, std::string key = {}) {
  return Error{ErrorCode::kUnavailable, std::move(detail), std::move(key)};
}
inline Error RateLimited(std::string detail, std::string key = "web.too_many_requests") {
  return Error{ErrorCode::kRateLimited, std::move(detail), std::move(key)};
}
inline Error Internal(std::string detail) { return Error{ErrorCode::kInternal, std::move(detail), {}}; }
// A form with fields to correct (kInvalidInput). REQUIRES: !fields.empty().
inline Error FormInvalid(std::vector<FieldError> fields, std::string detail = "the form has errors") {
  Error e{ErrorCode::kInvalidInput, std::move(detail), {}};
  e.fields = std::move(fields);
  return e;
}

}  // namespace wp
