-- Events of wijkplatforms and their registrations (features/events).
-- Times are unix seconds in UTC; forms and pages use Europe/Amsterdam.
CREATE TABLE events (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  starts_at {{bigint}} NOT NULL,
  ends_at {{bigint}} NOT NULL,
  place TEXT NOT NULL,
  capacity INTEGER,
  status TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 0,
  roster_version INTEGER NOT NULL DEFAULT 0,
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX events_platform_start ON events (platform_id, starts_at);

-- One row per registration; `number` is the registration id within the
-- event (platforms/event_rules.h). The cancel link carries a random token of
-- which only the SHA-256 is stored.
CREATE TABLE event_registrations (
  id {{id}},
  event_id {{bigint}} NOT NULL REFERENCES events (id),
  number INTEGER NOT NULL,
  user_id {{bigint}},
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  locale TEXT NOT NULL,
  state TEXT NOT NULL,
  registered_at {{bigint}} NOT NULL,
  cancelled_at {{bigint}} NOT NULL DEFAULT 0,
  cancel_token_hash TEXT NOT NULL,
  UNIQUE (event_id, number),
  UNIQUE (cancel_token_hash)
);
