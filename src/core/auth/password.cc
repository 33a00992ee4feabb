#include "core/auth/password.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "core/strings.h"

namespace wp::auth {

namespace {

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

PasswordProblem CheckPasswordPolicy(std::string_view password, std::string_view email) {
  size_t len = Utf8Length(password);
  if (len < kMinPasswordLength) return PasswordProblem::kTooShort;
  if (len > kMaxPasswordLength) return PasswordProblem::kTooLong;
  if (!email.empty() && EqualsIgnoreCase(Trim(password), Trim(email))) return PasswordProblem::kSameAsEmail;
  static constexpr std::array<std::string_view, 12> kCommon = {
      "1234567890", "12345678910", "qwertyuiop", "wachtwoord1", "wachtwoord123", "password123",
      "password1234", "welkom12345", "haarlem2024", "haarlem2025", "haarlem2026", "0123456789"};
  std::string lower = ToLower(password);
  for (auto c : kCommon) {
    if (lower == c) return PasswordProblem::kTooCommon;
  }
  return PasswordProblem::kNone;
}

std::string_view PasswordProblemKey(PasswordProblem problem) {
  switch (problem) {
    case PasswordProblem::kNone: return "";
    case PasswordProblem::kTooShort: return "auth.password.too_short";
    case PasswordProblem::kTooLong: return "auth.password.too_long";
    case PasswordProblem::kSameAsEmail: return "auth.password.same_as_email";
    case PasswordProblem::kTooCommon: return "auth.password.too_common";
  }
  return "";
}

PasswordHasher::PasswordHasher(PasswordCost cost) : cost_(cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char random[24];
  randombytes_buf(random, sizeof random);
  auto h = Hash(ToHex(std::string_view(reinterpret_cast<char*>(random), sizeof random)));
  if (!h.has_value()) throw std::runtime_error("could not compute a password hash: " + h.error().detail);
  dummy_ = *h;
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.ops_limit, cost_.mem_limit_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("argon2id hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view encoded, std::string_view password) const {
  std::string enc(encoded);
  if (enc.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(enc.c_str(), password.data(), password.size()) == 0;
}

}  // namespace wp::auth
