-- Settings of this installation that all server processes share (e.g. the
-- CSRF secret when none is configured).
CREATE TABLE IF NOT EXISTS app_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at {{bigint}} NOT NULL
);
