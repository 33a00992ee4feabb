-- The initiative desk: initiatives with their initiatievenkompas answers and
-- the check's state and deadlines, the initiator's private links (stored only
-- as SHA-256), the append-only history of each initiative (contact changes,
-- decisions, progress updates), the conditions of a "ja, mits" and the
-- department input tasks of the check.
CREATE TABLE initiatives (
  id {{id}},
  status TEXT NOT NULL,
  answer TEXT NOT NULL DEFAULT 'none',
  title TEXT NOT NULL,
  what TEXT NOT NULL DEFAULT '',
  neighbourhood_code TEXT NOT NULL DEFAULT '',
  district_code TEXT NOT NULL DEFAULT '',
  borough_slug TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  when_text TEXT NOT NULL DEFAULT '',
  helpers TEXT NOT NULL DEFAULT '',
  needs TEXT NOT NULL DEFAULT '',
  needs_detail TEXT NOT NULL DEFAULT '',
  initiator_name TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 0,
  show_name INTEGER NOT NULL DEFAULT 0,
  link_platform INTEGER NOT NULL DEFAULT 0,
  platform_id {{bigint}},
  user_id {{bigint}},
  email TEXT NOT NULL DEFAULT '',
  locale TEXT NOT NULL DEFAULT 'nl',
  email_verified INTEGER NOT NULL DEFAULT 0,
  contact_user_id {{bigint}},
  contact_name TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  submitted_at {{bigint}},
  answered_at {{bigint}},
  contact_due_at {{bigint}} NOT NULL DEFAULT 0,
  answer_due_at {{bigint}} NOT NULL DEFAULT 0,
  explanation TEXT NOT NULL DEFAULT '',
  alternative TEXT NOT NULL DEFAULT '',
  reminder_sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX initiatives_status ON initiatives (status, answer_due_at);
CREATE INDEX initiatives_district ON initiatives (district_code, is_public);
CREATE INDEX initiatives_user ON initiatives (user_id);

-- Private links of the initiator: 'follow' (shown once after submitting)
-- and 'mail' (a new one in every e-mail; opening it confirms the address).
CREATE TABLE initiative_links (
  token_hash TEXT PRIMARY KEY,
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  purpose TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);

-- Append-only: rows are never changed or deleted.
CREATE TABLE initiative_history (
  id {{id}},
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  at {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  public INTEGER NOT NULL DEFAULT 0,
  actor_user_id {{bigint}},
  actor_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX initiative_history_initiative ON initiative_history (initiative_id, id);

CREATE TABLE initiative_conditions (
  id {{id}},
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  owner TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX initiative_conditions_initiative ON initiative_conditions (initiative_id, position);

CREATE TABLE initiative_tasks (
  id {{id}},
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  department TEXT NOT NULL,
  question TEXT NOT NULL,
  due_at {{bigint}} NOT NULL,
  answer TEXT NOT NULL DEFAULT '',
  answered_at {{bigint}},
  answered_by TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL
);
CREATE INDEX initiative_tasks_initiative ON initiative_tasks (initiative_id, id);
CREATE INDEX initiative_tasks_open ON initiative_tasks (department, answered_at);
