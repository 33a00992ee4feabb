// Account use cases: register, sign in/out, reset a forgotten password,
// manage roles. Each returns a Result; expected failures carry an i18n key.
// Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/auth/password.h"
#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "features/accounts/account_rules.h"
#include "features/accounts/account_store.h"

namespace wp::accounts {

struct AccountSettings {
  std::string base_url = "http://127.0.0.1:8080";  // for links in e-mails
  std::string site_name = "Wijkplatform";
  int64_t session_seconds = 14 * 24 * 3600;
  // A session unused for longer than this ends (SessionIdleLimit): accounts
  // with an official role (kernteam, gebiedsverbinder, municipal staff or
  // expert, administrator) and residents.
  int64_t official_idle_seconds = 2 * 3600;
  int64_t resident_idle_seconds = 7 * 24 * 3600;
  int64_t reset_link_seconds = 3600;
  int64_t sign_in_link_seconds = 15 * 60;
};

struct Registration {
  std::string email;
  std::string display_name;
  std::string password;
  std::string password_repeat;
  std::string locale = "nl";
};

struct SignIn {
  std::string session_token;  // raw token for the cookie
  auth::User user;
};

class AccountCommands {
 public:
  AccountCommands(db::Database& db, const Clock& clock, Random& random, const auth::PasswordHasher& hasher,
                  const i18n::Catalog& catalog, AccountSettings settings);

  // Creates the account (not signed in) and mails a check link for its
  // address (address_check.h); using the link verifies the address and signs
  // in. The same answer when the address has an account already (no account
  // enumeration): then its owner gets a mail saying so (or a fresh check link
  // when the address is not verified yet), and the password is hashed all the
  // same, so the time taken tells little. Errors: kInvalidInput with the
  // fields to correct; kRateLimited with field "email".
  Result<void> Register(const Registration& form);
  // True when `token` is a valid check link now.
  Result<bool> IsCheckLinkValid(const std::string& token);
  // Uses the check link up: the address is verified (held mail to it goes
  // out, core/mail/addresses.h). Signs in when an account has the address.
  // Errors: kNotFound "accounts.check.invalid".
  Result<std::optional<SignIn>> ConfirmAddress(const std::string& token);
  Result<bool> IsAddressVerified(const std::string& email);
  // A new check mail for the signed-in account's address (at most one a
  // minute; a verified address gets none).
  Result<void> SendAddressCheck(const auth::User& user);
  // Errors: kInvalidInput with field "password" "accounts.login.failed"
  // (wrong e-mail or password, never saying which); kRateLimited with field
  // "password" "web.too_many_requests" (too many from this address) or
  // "accounts.login.wait" (the account's failures slow sign-in down:
  // LoginDelaySeconds; the e-mailed sign-in link still works).
  Result<SignIn> Login(const std::string& email, const std::string& password, const std::string& remote_addr);
  Result<void> Logout(const std::string& session_token);
  // Sends a one-time sign-in link (valid sign_in_link_seconds) when the
  // address has an account; the same answer either way. Errors as
  // RequestPasswordReset.
  Result<void> RequestSignInLink(const std::string& email, const std::string& remote_addr, const std::string& locale);
  Result<bool> IsSignInLinkValid(const std::string& token);
  // Uses the link up and signs in; ends the account's password delay.
  // Errors: kNotFound "accounts.link.invalid".
  Result<SignIn> SignInWithLink(const std::string& token);
  // A token that had no session when asked never gets one (sessions start
  // with a new token), so such tokens are remembered and not asked again:
  // an anonymous visitor (a voter) costs one lookup, not one per page.
  std::optional<auth::User> UserForSession(std::string_view session_token);

  // Always succeeds for the caller (no account enumeration); queues a reset
  // e-mail when the account exists. Errors: kInvalidInput with field "email"
  // for a missing or malformed address; kRateLimited with field "email".
  Result<void> RequestPasswordReset(const std::string& email, const std::string& remote_addr,
                                    const std::string& locale);
  // True when the link is valid now.
  Result<bool> IsResetLinkValid(const std::string& token);
  // Sets the new password, uses up the link and signs out every session.
  // Errors: kNotFound "accounts.reset.invalid_link"; kInvalidInput with fields.
  Result<void> ResetPassword(const std::string& token, const std::string& password, const std::string& repeat);

  // Used by the CLI, the demo and tests: create an account with roles
  // directly. The operator vouches for the address: it counts as verified.
  // Errors: kInvalidInput with the fields to correct; kConflict when the
  // address has an account.
  Result<int64_t> CreateUser(const std::string& email, const std::string& display_name, const std::string& password,
                             const std::vector<auth::RoleGrant>& grants);
  // Errors: kForbidden unless `actor` is an administrator; kNotFound;
  // kInvalidInput with field "role" or "scope" for a role that cannot be
  // granted or a scope over 100 bytes; kConflict with field "role" when
  // revoking one's own administrator role.
  Result<bool> GrantRole(const auth::User& actor, int64_t user_id, auth::Role role, const std::string& scope);
  Result<bool> RevokeRole(const auth::User& actor, int64_t user_id, auth::Role role, const std::string& scope);
  Result<void> SetLocale(int64_t user_id, const std::string& locale);
  // Deletes expired sessions and links, and mail held for addresses nobody
  // confirmed in time (mail::ForgetUnverified). Returns how many rows went.
  Result<int64_t> PurgeExpired();
  Result<std::vector<AccountStore::UserRow>> ListUsers(const std::string& query, int limit, int offset);
  Result<std::optional<StoredUser>> FindUser(int64_t id);
  Result<std::optional<StoredUser>> FindUserByEmail(const std::string& email);
  // A fresh token for an anonymous session (after sign-out).
  std::string NewAnonymousToken();

 private:
  Result<SignIn> StartSession(db::Connection& c, const auth::User& user);
  // Register's mail to the owner of an address that has an account.
  Result<void> TellOwner(db::Connection& c, const StoredUser& owner, int64_t now);
  struct AccountLink;
  // Mails a one-time link of `kind` when the address has an account (the
  // same answer either way); rate limited per account and address.
  Result<void> MailLink(const AccountLink& kind, const std::string& email, const std::string& remote_addr,
                        const std::string& locale);
  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const auth::PasswordHasher& hasher_;
  const i18n::Catalog& catalog_;
  AccountSettings settings_;
  // Hashes of tokens that had no session (UserForSession); emptied when full.
  std::mutex no_session_mu_;
  std::unordered_set<std::string> no_session_;
};

}  // namespace wp::accounts
