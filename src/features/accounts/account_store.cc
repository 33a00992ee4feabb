#include "features/accounts/account_store.h"

namespace wp::accounts {

namespace {

StoredUser ToStoredUser(const db::Row& r) {
  StoredUser s;
  s.user.id = r.Int(0);
  s.user.email = r.Text(1);
  s.user.display_name = r.Text(2);
  s.password_hash = r.Text(3);
  s.user.locale = r.Text(4);
  s.created_at = r.Int(5);
  s.disabled = !r.IsNull(6);
  return s;
}

constexpr const char* kUserColumns = "id, email, display_name, password_hash, locale, created_at, disabled_at";

}  // namespace

Result<int64_t> AccountStore::InsertUser(db::Connection& c, const std::string& email, const std::string& display_name,
                                         const std::string& password_hash, const std::string& locale, int64_t now) {
  auto id = c.Insert(
      "INSERT INTO users (email, display_name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {email, display_name, password_hash, locale, now});
  if (!id.has_value() && id.error().code == ErrorCode::kConflict) {
    return Conflict("e-mail address taken", "accounts.register.email_taken");
  }
  return id;
}

Result<std::optional<StoredUser>> AccountStore::FindByEmail(db::Connection& c, const std::string& email) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?", {email}));
  if (!row) return std::optional<StoredUser>();
  StoredUser s = ToStoredUser(*row);
  WP_ASSIGN_OR_RETURN(s.user.grants, Grants(c, s.user.id));
  return std::optional<StoredUser>(std::move(s));
}

Result<std::optional<StoredUser>> AccountStore::FindById(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id}));
  if (!row) return std::optional<StoredUser>();
  StoredUser s = ToStoredUser(*row);
  WP_ASSIGN_OR_RETURN(s.user.grants, Grants(c, s.user.id));
  return std::optional<StoredUser>(std::move(s));
}

Result<std::vector<auth::RoleGrant>> AccountStore::Grants(db::Connection& c, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT role, scope FROM user_roles WHERE user_id = ? ORDER BY role, scope", {user_id}));
  std::vector<auth::RoleGrant> out;
  for (const auto& r : rows) {
    if (auto role = auth::ParseRole(r.Text(0))) out.push_back({*role, r.Text(1)});
  }
  return out;
}

Result<std::vector<Person>> AccountStore::People(db::Connection& c, const std::vector<int64_t>& ids) {
  std::vector<Person> out;
  if (ids.empty()) return out;
  std::string sql = "SELECT id, email, display_name, locale FROM users WHERE id IN (";
  db::Params params;
  for (int64_t id : ids) {
    sql += params.empty() ? "?" : ", ?";
    params.push_back(db::Int(id));
  }
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(sql + ") ORDER BY id", params));
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

Result<std::vector<Person>> AccountStore::RoleHolders(db::Connection& c, auth::Role role, std::string_view scope) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT u.id, u.email, u.display_name, u.locale FROM user_roles r "
                                             "JOIN users u ON u.id = r.user_id WHERE r.role = ? AND r.scope = ? "
                                             "ORDER BY u.display_name, u.id",
                                             {std::string(auth::RoleName(role)), std::string(scope)}));
  std::vector<Person> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

Result<void> AccountStore::SetPassword(db::Connection& c, int64_t user_id, const std::string& password_hash) {
  WP_TRY_VOID(c.Execute("UPDATE users SET password_hash = ? WHERE id = ?", {password_hash, user_id}));
  return Ok();
}

Result<void> AccountStore::SetLocale(db::Connection& c, int64_t user_id, const std::string& locale) {
  WP_TRY_VOID(c.Execute("UPDATE users SET locale = ? WHERE id = ?", {locale, user_id}));
  return Ok();
}

Result<bool> AccountStore::GrantRole(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope,
                                     std::optional<int64_t> actor, int64_t now) {
  WP_ASSIGN_OR_RETURN(
      int64_t n,
      c.Execute("INSERT INTO user_roles (user_id, role, scope, granted_at, granted_by) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id, role, scope) DO NOTHING",
                {user_id, std::string(auth::RoleName(role)), scope, now, db::OptInt(actor)}));
  if (n > 0) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO role_audit (user_id, role, scope, action, actor_id, at) VALUES (?, ?, ?, 'grant', ?, ?)",
                  {user_id, std::string(auth::RoleName(role)), scope, db::OptInt(actor), now}));
  }
  return n > 0;
}

Result<bool> AccountStore::RevokeRole(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope,
                                      std::optional<int64_t> actor, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM user_roles WHERE user_id = ? AND role = ? AND scope = ?",
                                           {user_id, std::string(auth::RoleName(role)), scope}));
  if (n > 0) {
    WP_TRY_VOID(c.Execute(
        "INSERT INTO role_audit (user_id, role, scope, action, actor_id, at) VALUES (?, ?, ?, 'revoke', ?, ?)",
        {user_id, std::string(auth::RoleName(role)), scope, db::OptInt(actor), now}));
  }
  return n > 0;
}

Result<void> AccountStore::InsertSession(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                                         int64_t expires_at) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
      {token_hash, user_id, now, expires_at, now}));
  return Ok();
}

Result<std::optional<AccountStore::SessionUser>> AccountStore::UserForSession(db::Connection& c,
                                                                              const std::string& token_hash,
                                                                              int64_t now) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT u.id, u.email, u.display_name, u.locale, s.last_seen_at FROM "
                                                "sessions s JOIN users u ON u.id = s.user_id "
                                                "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL",
                                                {token_hash, now}));
  if (!row) return std::optional<SessionUser>();
  SessionUser s;
  s.user.id = row->Int(0);
  s.user.email = row->Text(1);
  s.user.display_name = row->Text(2);
  s.user.locale = row->Text(3);
  s.last_seen_at = row->Int(4);
  WP_ASSIGN_OR_RETURN(s.user.grants, Grants(c, s.user.id));
  return std::optional<SessionUser>(std::move(s));
}

Result<bool> AccountStore::NoSessionRow(db::Connection& c, const std::string& token_hash) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT 1 FROM sessions WHERE token_hash = ?", {token_hash}));
  return !row.has_value();
}

Result<void> AccountStore::TouchSession(db::Connection& c, const std::string& token_hash, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, token_hash}));
  return Ok();
}

Result<void> AccountStore::DeleteSession(db::Connection& c, const std::string& token_hash) {
  WP_TRY_VOID(c.Execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash}));
  return Ok();
}

Result<void> AccountStore::DeleteSessionsOfUser(db::Connection& c, int64_t user_id) {
  WP_TRY_VOID(c.Execute("DELETE FROM sessions WHERE user_id = ?", {user_id}));
  return Ok();
}

Result<void> AccountStore::InsertReset(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                                       int64_t expires_at) {
  WP_TRY_VOID(c.Execute("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                        {token_hash, user_id, now, expires_at}));
  return Ok();
}

Result<std::optional<int64_t>> AccountStore::ValidReset(db::Connection& c, const std::string& token_hash, int64_t now) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOptional("SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                      {token_hash, now}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<void> AccountStore::MarkResetUsed(db::Connection& c, const std::string& token_hash, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE password_resets SET used_at = ? WHERE token_hash = ?", {now, token_hash}));
  return Ok();
}

Result<int64_t> AccountStore::CountAttempts(db::Connection& c, const std::string& key, int64_t since) {
  WP_ASSIGN_OR_RETURN(db::Row row,
                      c.QueryOne("SELECT COUNT(*) FROM auth_attempts WHERE attempt_key = ? AND at > ?", {key, since}));
  return row.Int(0);
}

Result<void> AccountStore::RecordAttempt(db::Connection& c, const std::string& key, int64_t now) {
  WP_TRY_VOID(c.Execute("INSERT INTO auth_attempts (attempt_key, at) VALUES (?, ?)", {key, now}));
  return Ok();
}

Result<std::optional<int64_t>> AccountStore::LastAttempt(db::Connection& c, const std::string& key, int64_t since) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT at FROM auth_attempts WHERE attempt_key = ? AND at > ? "
                                                "ORDER BY at DESC LIMIT 1",
                                                {key, since}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<void> AccountStore::ForgetAttempt(db::Connection& c, const std::string& key, int64_t at) {
  WP_TRY_VOID(
      c.Execute("DELETE FROM auth_attempts WHERE id = (SELECT MIN(id) FROM auth_attempts "
                "WHERE attempt_key = ? AND at = ?)",
                {key, at}));
  return Ok();
}

Result<void> AccountStore::InsertSignInLink(db::Connection& c, const std::string& token_hash, int64_t user_id,
                                            int64_t now, int64_t expires_at) {
  WP_TRY_VOID(c.Execute("INSERT INTO sign_in_links (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                        {token_hash, user_id, now, expires_at}));
  return Ok();
}

Result<std::optional<int64_t>> AccountStore::UseSignInLink(db::Connection& c, const std::string& token_hash,
                                                           int64_t now) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT user_id FROM sign_in_links WHERE token_hash = ? AND "
                                                "used_at IS NULL AND expires_at > ?",
                                                {token_hash, now}));
  if (!row) return std::optional<int64_t>();
  WP_TRY_VOID(c.Execute("UPDATE sign_in_links SET used_at = ? WHERE token_hash = ?", {now, token_hash}));
  return std::optional<int64_t>(row->Int(0));
}

Result<bool> AccountStore::IsSignInLinkValid(db::Connection& c, const std::string& token_hash, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT user_id FROM sign_in_links WHERE token_hash = ? AND "
                                                "used_at IS NULL AND expires_at > ?",
                                                {token_hash, now}));
  return row.has_value();
}

Result<void> AccountStore::ClearAttempts(db::Connection& c, const std::string& key) {
  WP_TRY_VOID(c.Execute("DELETE FROM auth_attempts WHERE attempt_key = ?", {key}));
  return Ok();
}

Result<int64_t> AccountStore::PurgeExpired(db::Connection& c, int64_t now) {
  int64_t total = 0;
  WP_ASSIGN_OR_RETURN(int64_t a, c.Execute("DELETE FROM sessions WHERE expires_at <= ?", {now}));
  WP_ASSIGN_OR_RETURN(int64_t b, c.Execute("DELETE FROM password_resets WHERE expires_at <= ?", {now - 7 * 86400}));
  WP_ASSIGN_OR_RETURN(int64_t d, c.Execute("DELETE FROM auth_attempts WHERE at <= ?", {now - 86400}));
  WP_ASSIGN_OR_RETURN(int64_t e, c.Execute("DELETE FROM sign_in_links WHERE expires_at <= ?", {now - 7 * 86400}));
  total = a + b + d + e;
  return total;
}

Result<std::vector<AccountStore::UserRow>> AccountStore::ListUsers(db::Connection& c, const std::string& query,
                                                                   int limit, int offset) {
  // Case-insensitive on both backends (PostgreSQL's LIKE is case-sensitive,
  // SQLite's is not); % and _ typed by the admin match themselves.
  std::string like = "%";
  for (char ch : query) {
    if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
    like += ch;
  }
  like += "%";
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT id, email, display_name, created_at FROM users WHERE (? = '' OR "
                                             "lower(email) LIKE lower(?) ESCAPE '\\' "
                                             "OR lower(display_name) LIKE lower(?) ESCAPE '\\') "
                                             "ORDER BY id DESC LIMIT ? OFFSET ?",
                                             {query, like, like, db::Int(limit), db::Int(offset)}));
  std::vector<UserRow> out;
  for (const auto& r : rows) {
    UserRow u{r.Int(0), r.Text(1), r.Text(2), r.Int(3), {}};
    WP_ASSIGN_OR_RETURN(u.grants, Grants(c, u.id));
    out.push_back(std::move(u));
  }
  return out;
}

Result<int64_t> AccountStore::CountUsers(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Row row, c.QueryOne("SELECT COUNT(*) FROM users"));
  return row.Int(0);
}

}  // namespace wp::accounts
