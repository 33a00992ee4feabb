// Password hashing with Argon2id (libsodium crypto_pwhash), encoded in the
// standard "$argon2id$v=19$m=...,t=...,p=...$salt$hash" string. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace wp::auth {

struct PasswordCost {
  uint64_t ops_limit = 2;                     // Argon2id passes (libsodium INTERACTIVE)
  size_t mem_limit_bytes = 64 * 1024 * 1024;  // 64 MiB (libsodium INTERACTIVE)
  // The cheapest settings libsodium allows. Only for tests.
  static PasswordCost MinimumForTest() { return PasswordCost{1, 8192}; }
};

enum class PasswordProblem { kNone, kTooShort, kTooLong, kSameAsEmail, kTooCommon };

inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxPasswordLength = 200;

// Checks a new password against the policy (length in characters 10..200, not
// the e-mail address, not a well-known weak password).
PasswordProblem CheckPasswordPolicy(std::string_view password, std::string_view email);
// The i18n key explaining `problem` to the user.
std::string_view PasswordProblemKey(PasswordProblem problem);

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost = {});
  // Errors: kInternal when memory cannot be allocated.
  Result<std::string> Hash(std::string_view password) const;
  // True when `password` matches `encoded`. Constant time in the password.
  bool Verify(std::string_view encoded, std::string_view password) const;
  // A hash of a random password, to spend the same time on unknown accounts.
  const std::string& DummyHash() const { return dummy_; }

 private:
  PasswordCost cost_;
  std::string dummy_;
};

}  // namespace wp::auth
