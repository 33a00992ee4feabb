#include "core/auth/tokens.h"

#include <sodium.h>

#include "core/strings.h"

namespace wp::auth {

std::string NewToken(Random& random) { return random.Token(32); }

std::string TokenHash(std::string_view token) { return Sha256Hex(token); }

bool LooksLikeToken(std::string_view token) {
  if (token.size() != 43) return false;
  for (char c : token) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string CsrfTokenFor(std::string_view secret, std::string_view session_token) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  static constexpr std::string_view kLabel = "wp-csrf:";
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(session_token.data()), session_token.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return Base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

bool CheckCsrfToken(std::string_view secret, std::string_view session_token, std::string_view submitted) {
  if (session_token.empty() || submitted.empty()) return false;
  std::string expected = CsrfTokenFor(secret, session_token);
  if (expected.size() != submitted.size()) return false;
  return sodium_memcmp(expected.data(), submitted.data(), expected.size()) == 0;
}

}  // namespace wp::auth
