-- E-mail addresses the site may write to. An address is verified once its
-- owner opened a check link (or an administrator's tool vouched for it);
-- until then the outbox holds every message to it except the ones that
-- prove control of the address themselves (the check link, a sign-in link,
-- a password reset). Only the SHA-256 of a check link is stored.
CREATE TABLE mail_addresses (
  address TEXT PRIMARY KEY,
  verified_at {{bigint}},
  check_token_hash TEXT UNIQUE,
  check_expires_at {{bigint}},
  check_sent_at {{bigint}}
);
-- Why a queued message is held back (e.g. 'unverified'); NULL: may be sent.
ALTER TABLE mail_outbox ADD COLUMN held_reason TEXT;
