-- Advice between wijkplatforms and the municipality (features/advice):
-- requests to one or more platforms, the advice of a platform as numbered
-- points with the answer to each, and the append-only history of every state
-- change. Times are unix seconds in UTC; pages use Europe/Amsterdam.
CREATE TABLE advice_requests (
  id {{id}},
  subject TEXT NOT NULL,
  questions TEXT NOT NULL,
  level TEXT NOT NULL,
  deadline_at {{bigint}} NOT NULL,
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  confidential INTEGER NOT NULL,
  confidential_reason TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);

CREATE TABLE advice_request_platforms (
  request_id {{bigint}} NOT NULL REFERENCES advice_requests (id),
  platform_id {{bigint}} NOT NULL,
  PRIMARY KEY (request_id, platform_id)
);
CREATE INDEX advice_request_platforms_platform ON advice_request_platforms (platform_id);

-- request_id NULL: unsolicited advice, to `addressee`.
CREATE TABLE advices (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  request_id {{bigint}} REFERENCES advice_requests (id),
  addressee TEXT NOT NULL,
  title TEXT NOT NULL,
  input_summary TEXT NOT NULL,
  meetings_held INTEGER NOT NULL,
  people_reached INTEGER NOT NULL,
  confidential INTEGER NOT NULL,
  status TEXT NOT NULL,
  submitted_at {{bigint}},
  answer_due_at {{bigint}},
  answered_at {{bigint}},
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX advices_platform ON advices (platform_id);
CREATE INDEX advices_request ON advices (request_id);
CREATE INDEX advices_status_due ON advices (status, answer_due_at);

CREATE TABLE advice_points (
  advice_id {{bigint}} NOT NULL REFERENCES advices (id),
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  verdict TEXT,
  reason TEXT NOT NULL,
  PRIMARY KEY (advice_id, number)
);

-- Append-only: rows are inserted, never changed or deleted.
CREATE TABLE advice_history (
  id {{id}},
  request_id {{bigint}},
  advice_id {{bigint}},
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX advice_history_request ON advice_history (request_id);
CREATE INDEX advice_history_advice ON advice_history (advice_id);
