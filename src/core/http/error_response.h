// The one boundary between ErrorCode and HTTP status (docs/style.md section 6).
#pragma once

#include "core/error.h"
#include "core/http/message.h"

namespace wp::http {

// kInvalidInput -> 400, kNotFound -> 404, kConflict -> 409, kForbidden -> 403,
// kUnavailable -> 503, kRateLimited -> 429, kInternal -> 500.
int StatusForError(ErrorCode code);
// As above, except that kInvalidInput with field errors (a form to correct,
// shown again with its errors) is 422.
int StatusForError(const Error& error);

// A plain-text response for `error` with StatusForError's status. The body is
// the status's reason phrase only: `detail` is for logs, never for users.
Response PlainErrorResponse(const Error& error);

}  // namespace wp::http
