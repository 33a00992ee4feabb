#include "core/http/error_response.h"

#include <gtest/gtest.h>

namespace wp::http {
namespace {

TEST(StatusForErrorTest, MapsEveryCode) {
  const std::vector<std::pair<ErrorCode, int>> table = {
      {ErrorCode::kInvalidInput, 400}, {ErrorCode::kNotFound, 404},    {ErrorCode::kConflict, 409},
      {ErrorCode::kForbidden, 403},    {ErrorCode::kUnavailable, 503}, {ErrorCode::kRateLimited, 429},
      {ErrorCode::kInternal, 500},
  };
  for (const auto& [code, status] : table) EXPECT_EQ(StatusForError(code), status) << ErrorCodeName(code);
}

TEST(StatusForErrorTest, AFormWithFieldErrorsIs422) {
  EXPECT_EQ(StatusForError(FormInvalid({{"email", "web.required"}})), 422);
  EXPECT_EQ(StatusForError(InvalidInput("bad id")), 400);
  EXPECT_EQ(StatusForError(RateLimited("too many sign-ins")), 429);
}

TEST(PlainErrorResponseTest, NeverShowsDetail) {
  Response r = PlainErrorResponse(NotFound("row 42 missing in table secrets"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.find("secrets"), std::string::npos);
}

}  // namespace
}  // namespace wp::http
