-- Advice, part two (issue #14): PDF attachments of requests and advices (the
-- bytes live in the files folder under their SHA-256), rounds in which a
-- kernteam asks its platform's members for input, their reactions, the
-- werkgroep that drafts an advice, and the reminders sent before and after an
-- answer's due date (each claimed once by a conditional UPDATE).
CREATE TABLE advice_attachments (
  id {{id}},
  request_id {{bigint}} REFERENCES advice_requests (id),
  advice_id {{bigint}} REFERENCES advices (id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes {{bigint}} NOT NULL,
  uploaded_by {{bigint}} NOT NULL,
  uploaded_at {{bigint}} NOT NULL
);
CREATE INDEX advice_attachments_request ON advice_attachments (request_id);
CREATE INDEX advice_attachments_advice ON advice_attachments (advice_id);

-- A round asks the members of `platform_id` about a request or a draft advice.
CREATE TABLE advice_input_rounds (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  request_id {{bigint}} REFERENCES advice_requests (id),
  advice_id {{bigint}} REFERENCES advices (id),
  question TEXT NOT NULL,
  closes_at {{bigint}} NOT NULL,
  opened_by {{bigint}} NOT NULL,
  opened_at {{bigint}} NOT NULL
);
CREATE INDEX advice_input_rounds_platform ON advice_input_rounds (platform_id);

CREATE TABLE advice_reactions (
  id {{id}},
  round_id {{bigint}} NOT NULL REFERENCES advice_input_rounds (id),
  user_id {{bigint}} NOT NULL,
  text TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX advice_reactions_round ON advice_reactions (round_id);

CREATE TABLE advice_drafters (
  advice_id {{bigint}} NOT NULL REFERENCES advices (id),
  user_id {{bigint}} NOT NULL,
  added_at {{bigint}} NOT NULL,
  PRIMARY KEY (advice_id, user_id)
);

ALTER TABLE advices ADD COLUMN reminder_sent_at {{bigint}};
ALTER TABLE advices ADD COLUMN overdue_sent_at {{bigint}};
