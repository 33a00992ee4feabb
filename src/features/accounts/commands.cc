#include "features/accounts/commands.h"

#include "core/auth/tokens.h"
#include "core/i18n/catalog.h"
#include "core/mail/addresses.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "features/accounts/address_check.h"

namespace wp::accounts {

namespace {

Error WithField(Error e, const std::string& field, const std::string& key) {
  e.fields = {{field, key}};
  return e;
}

}  // namespace

namespace {
// Tokens without a session remembered by UserForSession (about 100 bytes each).
constexpr size_t kMaxRememberedTokens = 100000;
}  // namespace

AccountCommands::AccountCommands(db::Database& db, const Clock& clock, Random& random,
                                 const auth::PasswordHasher& hasher, const i18n::Catalog& catalog,
                                 AccountSettings settings)
    : db_(db), clock_(clock), random_(random), hasher_(hasher), catalog_(catalog), settings_(std::move(settings)) {}

Result<SignIn> AccountCommands::StartSession(db::Connection& c, const auth::User& user) {
  std::string token = auth::NewToken(random_);
  int64_t now = clock_.NowUnixSeconds();
  {
    // A new token is never a remembered one; said anyway, in case of a bad random source.
    std::lock_guard<std::mutex> lock(no_session_mu_);
    no_session_.erase(auth::TokenHash(token));
  }
  WP_TRY_VOID(AccountStore::InsertSession(c, auth::TokenHash(token), user.id, now, now + settings_.session_seconds));
  return SignIn{token, user};
}

Result<void> AccountCommands::Register(const Registration& form) {
  auto errors = CheckRegistration(form.email, form.display_name, form.password, form.password_repeat);
  if (!errors.empty()) return FormInvalid(std::move(errors), "registration form has errors");
  // Hashed whether or not the address is taken: the answer takes as long.
  WP_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(form.password));
  std::string email = NormaliseEmail(form.email);
  std::string name(Trim(form.display_name));
  std::string locale = i18n::IsSupportedLocale(form.locale) ? form.locale : "nl";
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    int64_t now = clock_.NowUnixSeconds();
    std::string account_key = "register:acct:" + email;
    WP_ASSIGN_OR_RETURN(int64_t tries,
                        AccountStore::CountAttempts(c, account_key, now - kSignInLinkPerAccount.window_seconds));
    if (!IsAttemptAllowed(kSignInLinkPerAccount, tries)) {
      return WithField(RateLimited("registration rate limited"), "email", "web.too_many_requests");
    }
    WP_TRY_VOID(AccountStore::RecordAttempt(c, account_key, now));
    WP_ASSIGN_OR_RETURN(auto existing, AccountStore::FindByEmail(c, email));
    if (existing) {
      WP_TRY_VOID(TellOwner(c, *existing, now));
      return true;
    }
    WP_TRY_VOID(AccountStore::InsertUser(c, email, name, hash, locale, now));
    WP_TRY_VOID(QueueAddressCheck(c, random_, catalog_, {settings_.base_url, settings_.site_name}, email, locale, now));
    return true;
  });
  // Registered in parallel with the same address: the other one mails.
  if (!r.has_value() && r.error().code != ErrorCode::kConflict) return r.error();
  return Ok();
}

Result<void> AccountCommands::TellOwner(db::Connection& c, const StoredUser& owner, int64_t now) {
  const auth::User& u = owner.user;
  WP_ASSIGN_OR_RETURN(bool verified, mail::IsVerified(c, u.email));
  if (!verified) {
    // Probably the same person, who lost the first check mail.
    WP_TRY_VOID(
        QueueAddressCheck(c, random_, catalog_, {settings_.base_url, settings_.site_name}, u.email, u.locale, now));
    return Ok();
  }
  i18n::Args args = {{"name", u.display_name},
                     {"link", settings_.base_url + "/inloggen"},
                     {"reset", settings_.base_url + "/wachtwoord-vergeten"},
                     {"site", settings_.site_name}};
  mail::OutgoingMail m;
  m.to = u.email;
  m.subject = catalog_.Format(u.locale, "accounts.mail.exists.subject", args);
  m.body_text = catalog_.Format(u.locale, "accounts.mail.exists.body", args);
  WP_TRY_VOID(mail::Enqueue(c, m, now));
  return Ok();
}

Result<bool> AccountCommands::IsCheckLinkValid(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return false;
  WP_ASSIGN_OR_RETURN(auto address, db_.Read([&](db::Connection& c) {
    return mail::AddressOfCheckLink(c, auth::TokenHash(token), clock_.NowUnixSeconds());
  }));
  return address.has_value();
}

Result<std::optional<SignIn>> AccountCommands::ConfirmAddress(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad check link", "accounts.check.invalid");
  return db_.Write([&](db::Connection& c) -> Result<std::optional<SignIn>> {
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(auto address, mail::UseCheckLink(c, auth::TokenHash(token), now));
    if (!address) return NotFound("check link invalid or used", "accounts.check.invalid");
    WP_ASSIGN_OR_RETURN(auto stored, AccountStore::FindByEmail(c, *address));
    if (!stored || stored->disabled) return std::optional<SignIn>();
    WP_ASSIGN_OR_RETURN(SignIn s, StartSession(c, stored->user));
    return std::optional<SignIn>(std::move(s));
  });
}

Result<bool> AccountCommands::IsAddressVerified(const std::string& email) {
  return db_.Read([&](db::Connection& c) { return mail::IsVerified(c, email); });
}

Result<void> AccountCommands::SendAddressCheck(const auth::User& user) {
  auto r = db_.Write([&](db::Connection& c) {
    return QueueAddressCheck(c, random_, catalog_, {settings_.base_url, settings_.site_name}, user.email, user.locale,
                             clock_.NowUnixSeconds());
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<SignIn> AccountCommands::Login(const std::string& email_in, const std::string& password,
                                      const std::string& remote_addr) {
  std::string email = NormaliseEmail(email_in);
  std::string account_key = "login:acct:" + email;
  std::string address_key = "login:ip:" + remote_addr;
  int64_t now = clock_.NowUnixSeconds();
  // Checked and counted in one transaction, so parallel requests cannot all
  // pass the check before any of them is counted. The attempt counts as a
  // failure until the password proves right.
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(int64_t per_address,
                        AccountStore::CountAttempts(c, address_key, now - kLoginPerAddress.window_seconds));
    if (!IsAttemptAllowed(kLoginPerAddress, per_address)) {
      return WithField(RateLimited("sign-in rate limited (address)"), "password", "web.too_many_requests");
    }
    const int64_t since = now - kLoginPerAccount.window_seconds;
    WP_ASSIGN_OR_RETURN(int64_t per_account, AccountStore::CountAttempts(c, account_key, since));
    WP_ASSIGN_OR_RETURN(auto last, AccountStore::LastAttempt(c, account_key, since));
    if (last && now < *last + LoginDelaySeconds(per_account)) {
      return WithField(RateLimited("sign-in slowed down (account)", "accounts.login.wait"), "password",
                       "accounts.login.wait");
    }
    WP_TRY_VOID(AccountStore::RecordAttempt(c, account_key, now));
    WP_TRY_VOID(AccountStore::RecordAttempt(c, address_key, now));
    return true;
  }));

  WP_ASSIGN_OR_RETURN(auto stored, db_.Read([&](db::Connection& c) { return AccountStore::FindByEmail(c, email); }));
  // Verify against a dummy hash for unknown accounts, so timing does not tell
  // whether an address has an account.
  bool ok = hasher_.Verify(stored ? stored->password_hash : hasher_.DummyHash(), password);
  if (!stored || !ok || stored->disabled) {
    return FormInvalid({{"password", "accounts.login.failed"}}, "wrong e-mail or password");
  }
  return db_.Write([&](db::Connection& c) -> Result<SignIn> {
    WP_TRY_VOID(AccountStore::ClearAttempts(c, account_key));
    WP_TRY_VOID(AccountStore::ForgetAttempt(c, address_key, now));
    return StartSession(c, stored->user);
  });
}

// An e-mailed one-time link: what differs between a password reset and a
// sign-in link.
struct AccountCommands::AccountLink {
  std::string attempt_prefix;  // "reset" or "link", for the attempt keys
  RateLimit per_account;
  RateLimit per_address;
  std::string path;  // the link is base_url + path + token
  std::string subject_key;
  std::string body_key;
  int64_t lifetime_seconds;
  Result<void> (*insert)(db::Connection&, const std::string& token_hash, int64_t user_id, int64_t now,
                         int64_t expires_at);
};

Result<void> AccountCommands::MailLink(const AccountLink& kind, const std::string& email_in,
                                       const std::string& remote_addr, const std::string& locale) {
  std::string email = NormaliseEmail(email_in);
  if (email.empty()) return FormInvalid({{"email", kMissing}});
  if (!IsPlausibleEmail(email)) return FormInvalid({{"email", kBadEmail}});
  std::string account_key = kind.attempt_prefix + ":acct:" + email;
  std::string address_key = kind.attempt_prefix + ":ip:" + remote_addr;
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    // Checked and counted in the transaction that makes the link.
    WP_ASSIGN_OR_RETURN(int64_t per_account,
                        AccountStore::CountAttempts(c, account_key, now - kind.per_account.window_seconds));
    WP_ASSIGN_OR_RETURN(int64_t per_address,
                        AccountStore::CountAttempts(c, address_key, now - kind.per_address.window_seconds));
    if (!IsAttemptAllowed(kind.per_account, per_account) || !IsAttemptAllowed(kind.per_address, per_address)) {
      return WithField(RateLimited(kind.attempt_prefix + " rate limited"), "email", "web.too_many_requests");
    }
    WP_TRY_VOID(AccountStore::RecordAttempt(c, account_key, now));
    WP_TRY_VOID(AccountStore::RecordAttempt(c, address_key, now));
    WP_ASSIGN_OR_RETURN(auto stored, AccountStore::FindByEmail(c, email));
    if (!stored || stored->disabled) return false;
    std::string token = auth::NewToken(random_);
    WP_TRY_VOID(kind.insert(c, auth::TokenHash(token), stored->user.id, now, now + kind.lifetime_seconds));
    std::string link = settings_.base_url + kind.path + token;
    i18n::Args args = {{"name", stored->user.display_name}, {"link", link}, {"site", settings_.site_name}};
    mail::OutgoingMail m;
    m.to = email;
    m.subject = catalog_.Format(locale, kind.subject_key, args);
    m.body_text = catalog_.Format(locale, kind.body_key, args);
    m.proves_control = true;  // sent to an unverified address too
    WP_TRY_VOID(mail::Enqueue(c, m, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> AccountCommands::RequestSignInLink(const std::string& email, const std::string& remote_addr,
                                                const std::string& locale) {
  const AccountLink kind{"link",
                         kSignInLinkPerAccount,
                         kSignInLinkPerAddress,
                         "/inloggen/link/",
                         "accounts.mail.sign_in_link.subject",
                         "accounts.mail.sign_in_link.body",
                         settings_.sign_in_link_seconds,
                         &AccountStore::InsertSignInLink};
  return MailLink(kind, email, remote_addr, locale);
}

Result<bool> AccountCommands::IsSignInLinkValid(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return false;
  return db_.Read([&](db::Connection& c) {
    return AccountStore::IsSignInLinkValid(c, auth::TokenHash(token), clock_.NowUnixSeconds());
  });
}

Result<SignIn> AccountCommands::SignInWithLink(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad sign-in link", "accounts.link.invalid");
  return db_.Write([&](db::Connection& c) -> Result<SignIn> {
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(auto user_id, AccountStore::UseSignInLink(c, auth::TokenHash(token), now));
    if (!user_id) return NotFound("sign-in link invalid or used", "accounts.link.invalid");
    WP_ASSIGN_OR_RETURN(auto stored, AccountStore::FindById(c, *user_id));
    if (!stored || stored->disabled) return NotFound("account gone", "accounts.link.invalid");
    // The mailbox proved the person: password failures on the account end.
    WP_TRY_VOID(AccountStore::ClearAttempts(c, "login:acct:" + stored->user.email));
    WP_TRY_VOID(mail::MarkVerified(c, stored->user.email, now));
    return StartSession(c, stored->user);
  });
}

Result<void> AccountCommands::Logout(const std::string& session_token) {
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(AccountStore::DeleteSession(c, auth::TokenHash(session_token)));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

std::optional<auth::User> AccountCommands::UserForSession(std::string_view session_token) {
  const std::string hash = auth::TokenHash(session_token);
  {
    std::lock_guard<std::mutex> lock(no_session_mu_);
    if (no_session_.count(hash)) return std::nullopt;
  }
  const int64_t now = clock_.NowUnixSeconds();
  bool no_row = false;
  auto r = db_.Read([&](db::Connection& c) -> Result<std::optional<AccountStore::SessionUser>> {
    WP_ASSIGN_OR_RETURN(auto s, AccountStore::UserForSession(c, hash, now));
    // Only a token without any session row is remembered: a row of a
    // disabled account could count again once the account is enabled.
    if (!s) {
      WP_ASSIGN_OR_RETURN(no_row, AccountStore::NoSessionRow(c, hash));
    }
    return s;
  });
  if (!r.has_value()) return std::nullopt;
  if (!r->has_value()) {
    if (no_row) {
      std::lock_guard<std::mutex> lock(no_session_mu_);
      if (no_session_.size() >= kMaxRememberedTokens) no_session_.clear();
      no_session_.insert(hash);
    }
    return std::nullopt;
  }
  const AccountStore::SessionUser& s = **r;
  int64_t idle_limit = SessionIdleLimit(s.user, settings_.official_idle_seconds, settings_.resident_idle_seconds);
  if (now - s.last_seen_at > idle_limit) {
    // Idle too long: the session ends; the visitor signs in again.
    (void)db_.Write([&](db::Connection& c) -> Result<bool> {
      WP_TRY_VOID(AccountStore::DeleteSession(c, hash));
      return true;
    });
    return std::nullopt;
  }
  if (now - s.last_seen_at >= kSessionSeenEverySeconds) {
    (void)db_.Write([&](db::Connection& c) -> Result<bool> {
      WP_TRY_VOID(AccountStore::TouchSession(c, hash, now));
      return true;
    });
  }
  return s.user;
}

Result<void> AccountCommands::RequestPasswordReset(const std::string& email, const std::string& remote_addr,
                                                   const std::string& locale) {
  const AccountLink kind{"reset",
                         kResetPerAccount,
                         kResetPerAddress,
                         "/wachtwoord/herstel/",
                         "accounts.mail.reset.subject",
                         "accounts.mail.reset.body",
                         settings_.reset_link_seconds,
                         &AccountStore::InsertReset};
  return MailLink(kind, email, remote_addr, locale);
}

Result<bool> AccountCommands::IsResetLinkValid(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return false;
  WP_ASSIGN_OR_RETURN(auto user_id, db_.Read([&](db::Connection& c) {
    return AccountStore::ValidReset(c, auth::TokenHash(token), clock_.NowUnixSeconds());
  }));
  return user_id.has_value();
}

Result<void> AccountCommands::ResetPassword(const std::string& token, const std::string& password,
                                            const std::string& repeat) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad reset token", "accounts.reset.invalid_link");
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto user_id, db_.Read([&](db::Connection& c) {
    return AccountStore::ValidReset(c, auth::TokenHash(token), now);
  }));
  if (!user_id) return NotFound("reset link invalid or used", "accounts.reset.invalid_link");
  WP_ASSIGN_OR_RETURN(auto stored, db_.Read([&](db::Connection& c) { return AccountStore::FindById(c, *user_id); }));
  if (!stored) return NotFound("user gone", "accounts.reset.invalid_link");
  auto errors = CheckNewPassword(stored->user.email, password, repeat);
  if (!errors.empty()) return FormInvalid(std::move(errors), "new password rejected");
  WP_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    // Check again inside the transaction: two tabs must not both use the link.
    WP_ASSIGN_OR_RETURN(auto still, AccountStore::ValidReset(c, auth::TokenHash(token), now));
    if (!still) return NotFound("reset link used meanwhile", "accounts.reset.invalid_link");
    WP_TRY_VOID(AccountStore::MarkResetUsed(c, auth::TokenHash(token), now));
    WP_TRY_VOID(AccountStore::SetPassword(c, *user_id, hash));
    WP_TRY_VOID(AccountStore::DeleteSessionsOfUser(c, *user_id));
    WP_TRY_VOID(AccountStore::ClearAttempts(c, "login:acct:" + stored->user.email));
    WP_TRY_VOID(mail::MarkVerified(c, stored->user.email, now));  // the reset link proved the mailbox
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<int64_t> AccountCommands::CreateUser(const std::string& email, const std::string& display_name,
                                            const std::string& password, const std::vector<auth::RoleGrant>& grants) {
  auto errors = CheckRegistration(email, display_name, password, password);
  if (!errors.empty()) return FormInvalid(std::move(errors), "user fields have errors");
  WP_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(int64_t id, AccountStore::InsertUser(c, NormaliseEmail(email), std::string(Trim(display_name)),
                                                             hash, "nl", now));
    for (const auto& g : grants) WP_TRY_VOID(AccountStore::GrantRole(c, id, g.role, g.scope, std::nullopt, now));
    WP_TRY_VOID(mail::MarkVerified(c, email, now));
    return id;
  });
}

namespace {

Result<void> CheckRoleChange(auth::Role role, const std::string& scope) {
  if (role == auth::Role::kResident) return FormInvalid({{"role", "accounts.admin.bad_role"}});
  if (scope.size() > 100) return FormInvalid({{"scope", kTooLong}});
  return Ok();
}

}  // namespace

Result<bool> AccountCommands::GrantRole(const auth::User& actor, int64_t user_id, auth::Role role,
                                        const std::string& scope) {
  if (!Can(actor, AdminAction::kGrantRole)) return Forbidden("not an administrator");
  WP_TRY_VOID(CheckRoleChange(role, scope));
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto target, AccountStore::FindById(c, user_id));
    if (!target) return NotFound("no such user");
    return AccountStore::GrantRole(c, user_id, role, scope, actor.id, clock_.NowUnixSeconds());
  });
}

Result<bool> AccountCommands::RevokeRole(const auth::User& actor, int64_t user_id, auth::Role role,
                                         const std::string& scope) {
  if (!Can(actor, AdminAction::kRevokeRole)) return Forbidden("not an administrator");
  WP_TRY_VOID(CheckRoleChange(role, scope));
  if (actor.id == user_id && role == auth::Role::kAdministrator) {
    Error refused = Conflict("cannot revoke own administrator role");
    refused.fields = {{"role", "accounts.admin.cannot_revoke_self"}};
    return refused;
  }
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    return AccountStore::RevokeRole(c, user_id, role, scope, actor.id, clock_.NowUnixSeconds());
  });
}

Result<void> AccountCommands::SetLocale(int64_t user_id, const std::string& locale) {
  if (!i18n::IsSupportedLocale(locale)) return InvalidInput("unsupported locale");
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(AccountStore::SetLocale(c, user_id, locale));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<int64_t> AccountCommands::PurgeExpired() {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(int64_t purged, AccountStore::PurgeExpired(c, now));
    WP_ASSIGN_OR_RETURN(int64_t forgotten, mail::ForgetUnverified(c, now));
    return purged + forgotten;
  });
}

Result<std::vector<AccountStore::UserRow>> AccountCommands::ListUsers(const std::string& query, int limit, int offset) {
  return db_.Read([&](db::Connection& c) { return AccountStore::ListUsers(c, query, limit, offset); });
}

Result<std::optional<StoredUser>> AccountCommands::FindUser(int64_t id) {
  return db_.Read([&](db::Connection& c) { return AccountStore::FindById(c, id); });
}

Result<std::optional<StoredUser>> AccountCommands::FindUserByEmail(const std::string& email) {
  return db_.Read([&](db::Connection& c) { return AccountStore::FindByEmail(c, NormaliseEmail(email)); });
}

std::string AccountCommands::NewAnonymousToken() { return auth::NewToken(random_); }

}  // namespace wp::accounts
