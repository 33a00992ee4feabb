-- Idle timeout: when a session was last used. A session idle for longer than
-- its limit (2 hours for accounts with official roles) is ended.
ALTER TABLE sessions ADD COLUMN last_seen_at {{bigint}} NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
