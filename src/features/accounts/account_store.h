// AccountStore: SQL for users, roles, sessions, reset links and attempts.
// Functions take the caller's connection so commands control transactions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/accounts/roles.h"

namespace wp::accounts {

struct StoredUser {
  auth::User user;
  std::string password_hash;
  int64_t created_at = 0;
  bool disabled = false;
};

class AccountStore {
 public:
  // Errors: kConflict (key accounts.register.email_taken) when the e-mail exists.
  static Result<int64_t> InsertUser(db::Connection& c, const std::string& email, const std::string& display_name,
                                    const std::string& password_hash, const std::string& locale, int64_t now);
  static Result<std::optional<StoredUser>> FindByEmail(db::Connection& c, const std::string& email);
  static Result<std::optional<StoredUser>> FindById(db::Connection& c, int64_t id);
  static Result<std::vector<auth::RoleGrant>> Grants(db::Connection& c, int64_t user_id);
  // The accounts with these ids (unknown ones left out), by id.
  static Result<std::vector<Person>> People(db::Connection& c, const std::vector<int64_t>& ids);
  // The accounts holding `role` for exactly `scope`, by display name, then id.
  static Result<std::vector<Person>> RoleHolders(db::Connection& c, auth::Role role, std::string_view scope);
  static Result<void> SetPassword(db::Connection& c, int64_t user_id, const std::string& password_hash);
  static Result<void> SetLocale(db::Connection& c, int64_t user_id, const std::string& locale);

  // Grants are idempotent; both record an audit row.
  static Result<bool> GrantRole(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope,
                                std::optional<int64_t> actor, int64_t now);
  static Result<bool> RevokeRole(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope,
                                 std::optional<int64_t> actor, int64_t now);

  static Result<void> InsertSession(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                                    int64_t expires_at);
  struct SessionUser {
    auth::User user;
    int64_t last_seen_at = 0;
  };
  // The signed-in user of a session that has not expired, and when the
  // session was last used.
  static Result<std::optional<SessionUser>> UserForSession(db::Connection& c, const std::string& token_hash,
                                                           int64_t now);
  // True when no session row has this token hash at all (not even an
  // expired one or one of a disabled account).
  static Result<bool> NoSessionRow(db::Connection& c, const std::string& token_hash);
  static Result<void> TouchSession(db::Connection& c, const std::string& token_hash, int64_t now);
  static Result<void> DeleteSession(db::Connection& c, const std::string& token_hash);
  static Result<void> DeleteSessionsOfUser(db::Connection& c, int64_t user_id);

  static Result<void> InsertReset(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                                  int64_t expires_at);
  // The user id of an unused, unexpired reset link.
  static Result<std::optional<int64_t>> ValidReset(db::Connection& c, const std::string& token_hash, int64_t now);
  static Result<void> MarkResetUsed(db::Connection& c, const std::string& token_hash, int64_t now);

  static Result<int64_t> CountAttempts(db::Connection& c, const std::string& key, int64_t since);
  static Result<void> RecordAttempt(db::Connection& c, const std::string& key, int64_t now);
  // When the latest attempt under `key` since `since` was, if any.
  static Result<std::optional<int64_t>> LastAttempt(db::Connection& c, const std::string& key, int64_t since);
  // Removes one attempt under `key` at `at` (a sign-in that proved right).
  static Result<void> ForgetAttempt(db::Connection& c, const std::string& key, int64_t at);

  // One-time e-mailed sign-in links (only their hashes).
  static Result<void> InsertSignInLink(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                                       int64_t expires_at);
  // Marks an unused, unexpired link used and returns its account, if any.
  static Result<std::optional<int64_t>> UseSignInLink(db::Connection& c, const std::string& token_hash, int64_t now);
  static Result<bool> IsSignInLinkValid(db::Connection& c, const std::string& token_hash, int64_t now);
  static Result<void> ClearAttempts(db::Connection& c, const std::string& key);
  static Result<int64_t> PurgeExpired(db::Connection& c, int64_t now);

  struct UserRow {
    int64_t id;
    std::string email;
    std::string display_name;
    int64_t created_at;
    std::vector<auth::RoleGrant> grants;
  };
  // Users whose e-mail or name contains `query` (all when empty), newest first.
  static Result<std::vector<UserRow>> ListUsers(db::Connection& c, const std::string& query, int limit, int offset);
  static Result<int64_t> CountUsers(db::Connection& c);
};

}  // namespace wp::accounts
