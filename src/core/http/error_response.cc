#include "core/http/error_response.h"

namespace wp::http {

int StatusForError(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

int StatusForError(const Error& error) {
  if (error.code == ErrorCode::kInvalidInput && error.has_fields()) return 422;
  return StatusForError(error.code);
}

Response PlainErrorResponse(const Error& error) {
  int status = StatusForError(error);
  const char* text = "Internal Server Error\n";
  switch (status) {
    case 400:
      text = "Bad Request\n";
      break;
    case 403:
      text = "Forbidden\n";
      break;
    case 404:
      text = "Not Found\n";
      break;
    case 409:
      text = "Conflict\n";
      break;
    case 422:
      text = "Unprocessable Content\n";
      break;
    case 429:
      text = "Too Many Requests\n";
      break;
    case 503:
      text = "Service Unavailable\n";
      break;
    default:
      break;
  }
  return Response::Text(text, status);
}

}  // namespace wp::http
