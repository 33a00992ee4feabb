-- Outgoing e-mail. Features insert rows inside their own transaction, so a
-- message is queued exactly when the change that caused it commits; the
-- delivery task sends them over SMTP and records the outcome.
CREATE TABLE mail_outbox (
  id {{id}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  next_attempt_at {{bigint}} NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  sent_at {{bigint}},
  failed_at {{bigint}},
  last_error TEXT
);
CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
