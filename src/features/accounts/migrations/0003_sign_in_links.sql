-- One-time sign-in links sent by e-mail: the way in that an attacker who
-- guesses passwords cannot block (sign-in by password slows down after
-- failures instead of locking). Only the SHA-256 of a link is stored.
CREATE TABLE sign_in_links (
  token_hash TEXT PRIMARY KEY,
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at {{bigint}} NOT NULL,
  expires_at {{bigint}} NOT NULL,
  used_at {{bigint}}
);
