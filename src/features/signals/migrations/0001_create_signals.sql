-- Signals (meldingen): the category tree with departments, the signals, their
-- reporters (private: e-mail and follow-up link, never shown publicly), the
-- history of each signal, photos, Open311 API keys and the intake log used for
-- rate limits and replay protection. Tokens are stored only as SHA-256.
CREATE TABLE signal_departments (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  external INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE signal_categories (
  id {{id}},
  parent_id {{bigint}} REFERENCES signal_categories(id),
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  department_slug TEXT NOT NULL REFERENCES signal_departments(slug),
  handling_days INTEGER NOT NULL,
  update_interval_days INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE signals (
  id {{id}},
  category_id {{bigint}} NOT NULL REFERENCES signal_categories(id),
  department_slug TEXT NOT NULL REFERENCES signal_departments(slug),
  status TEXT NOT NULL,
  description TEXT NOT NULL,
  share_publicly INTEGER NOT NULL DEFAULT 0,
  lon REAL,
  lat REAL,
  neighbourhood_code TEXT NOT NULL,
  district_code TEXT NOT NULL,
  borough_slug TEXT NOT NULL,
  street TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  platform_id {{bigint}},
  api_key_id {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  deadline_at {{bigint}} NOT NULL,
  closed_at {{bigint}},
  -- Shown on the public list and map until then: far in the future while
  -- open, 30 days after closing once closed.
  public_until {{bigint}} NOT NULL,
  planned_for {{bigint}},
  assigned_user_id {{bigint}},
  assigned_name TEXT NOT NULL DEFAULT '',
  last_reporter_message_at {{bigint}} NOT NULL,
  next_update_at {{bigint}},
  needs_attention INTEGER NOT NULL DEFAULT 0,
  merged_into {{bigint}} REFERENCES signals(id),
  forwarded_to TEXT NOT NULL DEFAULT '',
  satisfied INTEGER
);
CREATE INDEX signals_public ON signals (district_code, public_until);
CREATE INDEX signals_district_recent ON signals (district_code, created_at);
CREATE INDEX signals_queue ON signals (department_slug, status, deadline_at);
CREATE INDEX signals_created ON signals (created_at);
CREATE INDEX signals_neighbourhood ON signals (neighbourhood_code, created_at);
CREATE INDEX signals_update_due ON signals (next_update_at);

CREATE TABLE signal_reporters (
  id {{id}},
  signal_id {{bigint}} NOT NULL REFERENCES signals(id),
  original_signal_id {{bigint}} NOT NULL REFERENCES signals(id),
  user_id {{bigint}},
  email TEXT,
  locale TEXT NOT NULL DEFAULT 'nl',
  verified_at {{bigint}},
  reacted_at {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX signal_reporters_signal ON signal_reporters (signal_id);

-- Private links of a reporter: 'follow' (the follow-up page; every e-mail
-- carries a new one, since only hashes are kept) and 'verify' (confirms the
-- e-mail address).
CREATE TABLE signal_links (
  token_hash TEXT PRIMARY KEY,
  reporter_id {{bigint}} NOT NULL REFERENCES signal_reporters(id),
  purpose TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX signal_links_reporter ON signal_links (reporter_id);

CREATE TABLE signal_events (
  id {{id}},
  signal_id {{bigint}} NOT NULL REFERENCES signals(id),
  at {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  status TEXT,
  text TEXT NOT NULL DEFAULT '',
  public INTEGER NOT NULL DEFAULT 0,
  actor_user_id {{bigint}},
  actor_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signal_events_signal ON signal_events (signal_id, id);
CREATE INDEX signal_events_at ON signal_events (at);

CREATE TABLE signal_photos (
  id {{id}},
  signal_id {{bigint}} NOT NULL REFERENCES signals(id),
  stored_name TEXT NOT NULL UNIQUE,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX signal_photos_signal ON signal_photos (signal_id);

CREATE TABLE signal_api_keys (
  id {{id}},
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  revoked_at {{bigint}}
);

-- One row per accepted post, for the rate limits (per client address, per
-- e-mail address, per API key).
CREATE TABLE signal_intake_log (
  id {{id}},
  limit_key TEXT NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX signal_intake_log_key ON signal_intake_log (limit_key, at);

-- The nonce of every report form that was sent: a second post of the same
-- form (a replay, a double click) is refused and stores nothing.
CREATE TABLE signal_form_uses (
  nonce_hash TEXT PRIMARY KEY,
  signal_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
