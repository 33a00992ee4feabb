// Secret tokens: session ids, CSRF tokens, one-time links. Raw tokens go to
// the user; only their SHA-256 is stored. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/random.h"

namespace wp::auth {

// 256-bit random token, URL-safe base64 (43 characters).
std::string NewToken(Random& random);
// What the database stores for a token.
std::string TokenHash(std::string_view token);
// True for a string shaped like NewToken's output.
bool LooksLikeToken(std::string_view token);

// CSRF token bound to a session token: HMAC-SHA256(secret, session), base64url.
std::string CsrfTokenFor(std::string_view secret, std::string_view session_token);
// Constant-time check of a submitted CSRF token.
bool CheckCsrfToken(std::string_view secret, std::string_view session_token, std::string_view submitted);

}  // namespace wp::auth
