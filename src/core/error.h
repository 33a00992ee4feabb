// Error: the value carried by a failed Result. `detail` is for logs and
// developers; users see translated text chosen from `code` or a domain enum.
#pragma once

#include <string>
#include <string_view>

namespace wp {

enum class ErrorCode {
  kInvalidInput,  // the caller sent something malformed or out of range -> 400/422
  kNotFound,      // the thing asked for does not exist -> 404
  kConflict,      // state does not allow it (duplicate, already used, stale) -> 409
  kForbidden,     // the actor may not do this -> 403
  kUnavailable,   // try again later (database busy, rate limited) -> 503/429
  kInternal,      // a bug or an unexpected failure -> 500
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string detail;
  // Optional i18n key for the message shown to users (e.g. "accounts.email_taken").
  std::string user_message_key;
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
inline Error Internal(std::string detail) { return Error{ErrorCode::kInternal, std::move(detail), {}}; }

}  // namespace wp
