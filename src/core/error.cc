#include "core/error.h"

namespace wp {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace wp
