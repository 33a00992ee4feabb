-- Accounts, roles, sessions, password reset links and the attempt log used
-- for rate limiting. Raw tokens are never stored: only their SHA-256.
CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'nl',
  created_at {{bigint}} NOT NULL,
  disabled_at {{bigint}}
);

CREATE TABLE user_roles (
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '',
  granted_at {{bigint}} NOT NULL,
  granted_by {{bigint}},
  PRIMARY KEY (user_id, role, scope)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at {{bigint}} NOT NULL,
  expires_at {{bigint}} NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at {{bigint}} NOT NULL,
  expires_at {{bigint}} NOT NULL,
  used_at {{bigint}}
);

CREATE TABLE auth_attempts (
  id {{id}},
  attempt_key TEXT NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX auth_attempts_key_at ON auth_attempts (attempt_key, at);

CREATE TABLE role_audit (
  id {{id}},
  user_id {{bigint}} NOT NULL,
  role TEXT NOT NULL,
  scope TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_id {{bigint}},
  at {{bigint}} NOT NULL
);
