// Account rules as pure functions: what a valid registration is, when
// sign-in and reset attempts are rate limited, and who may manage roles.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/error.h"

namespace wp::accounts {

// The problems a form field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "web.required";
inline constexpr const char* kBadEmail = "accounts.error.bad_email";
inline constexpr const char* kTooLong = "accounts.error.too_long";
inline constexpr const char* kBadCharacters = "accounts.error.bad_characters";
inline constexpr const char* kPasswordTooShort = "auth.password.too_short";
inline constexpr const char* kPasswordTooLong = "auth.password.too_long";
inline constexpr const char* kPasswordSameAsEmail = "auth.password.same_as_email";
inline constexpr const char* kPasswordTooCommon = "auth.password.too_common";
inline constexpr const char* kPasswordsDiffer = "accounts.error.passwords_differ";

// Normalises an e-mail address for storage and lookup (trimmed, lower case).
std::string NormaliseEmail(std::string_view email);

// Checks the registration form fields (email, display_name, password,
// password_repeat). Empty result: valid.
std::vector<FieldError> CheckRegistration(std::string_view email, std::string_view display_name,
                                          std::string_view password, std::string_view password_repeat);
// Checks a new password (reset form).
std::vector<FieldError> CheckNewPassword(std::string_view email, std::string_view password,
                                         std::string_view password_repeat);

// Rate limits: at most `max_attempts` failures per key inside `window_seconds`.
struct RateLimit {
  int max_attempts;
  int64_t window_seconds;
};
// Sign-in by password: per client address a hard limit; per account no hard
// lock (that would let anyone lock an official out) but a progressive delay
// (LoginDelaySeconds) over the failures of the last day, while the account
// holder can always sign in with an e-mailed sign-in link.
inline constexpr RateLimit kLoginPerAccount{5, 24 * 60 * 60};
inline constexpr RateLimit kLoginPerAddress{30, 15 * 60};
// E-mailed sign-in links: per account and per client address.
inline constexpr RateLimit kSignInLinkPerAccount{5, 60 * 60};
inline constexpr RateLimit kSignInLinkPerAddress{10, 60 * 60};
inline constexpr RateLimit kResetPerAccount{3, 60 * 60};
inline constexpr RateLimit kResetPerAddress{10, 60 * 60};

// True when another attempt is allowed after `recent_failures` in the window.
inline bool IsAttemptAllowed(const RateLimit& limit, int64_t recent_failures) {
  return recent_failures < limit.max_attempts;
}

// How long a session may stay unused: `official_seconds` when the account
// holds any role beyond resident and platform member, else `resident_seconds`.
int64_t SessionIdleLimit(const auth::User& user, int64_t official_seconds, int64_t resident_seconds);
// Sessions in use record when they were last seen at most this often.
inline constexpr int64_t kSessionSeenEverySeconds = 60;

// Seconds a password sign-in on an account must wait after its last failure,
// given its failures in the window: none for the first
// kLoginPerAccount.max_attempts, then 30 s, doubling with each further
// failure, at most 15 minutes.
int64_t LoginDelaySeconds(int64_t recent_failures);

enum class AdminAction { kListUsers, kGrantRole, kRevokeRole, kViewOutbox };

// Administrators may do everything here; nobody else may.
bool Can(const auth::User& actor, AdminAction action);
// Whether `role` needs a scope (gebiedsverbinder: a stadsdeel) or takes one
// (municipal staff: a department and/or a stadsdeel).
bool RoleTakesScope(auth::Role role);

}  // namespace wp::accounts
