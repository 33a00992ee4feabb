-- Wijkplatforms: the platform, its area, the claims that make the "one
-- active platform per buurt and per wijk" rule hold in the database, the
-- append-only status history, members and their e-mail choices, werkgroepen,
-- spreekuren and the year subsidy.
CREATE TABLE platforms (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  themes TEXT NOT NULL DEFAULT '',          -- one theme per line
  contact_email TEXT NOT NULL,
  borough_slug TEXT NOT NULL,
  status TEXT NOT NULL,
  converted_from_council TEXT,
  created_at {{bigint}} NOT NULL,
  created_by {{bigint}} NOT NULL
);
CREATE INDEX platforms_status ON platforms (status);

CREATE TABLE platform_neighbourhoods (
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  neighbourhood_code TEXT NOT NULL,
  district_code TEXT NOT NULL,
  PRIMARY KEY (platform_id, neighbourhood_code)
);
CREATE INDEX platform_neighbourhoods_district ON platform_neighbourhoods (district_code);

-- One row per buurt ("BU..."), wijk ("WK...") and former wijkraad
-- ("council:<name>") an ACTIVE platform holds. The primary key makes two
-- active platforms with overlapping areas impossible, also under concurrent
-- registrations. Rows are added and removed in the same transaction as the
-- status change that makes a platform active or inactive.
CREATE TABLE platform_claims (
  claim TEXT PRIMARY KEY,
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE
);
CREATE INDEX platform_claims_platform ON platform_claims (platform_id);

CREATE TABLE platform_status_history (
  id {{id}},
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_user_id {{bigint}} NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  changed_at {{bigint}} NOT NULL
);
CREATE INDEX platform_status_history_platform ON platform_status_history (platform_id, id);

CREATE TABLE platform_members (
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  user_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  organisation_name TEXT NOT NULL DEFAULT '',
  joined_at {{bigint}} NOT NULL,
  mail_newsletter INTEGER NOT NULL DEFAULT 1,
  mail_events INTEGER NOT NULL DEFAULT 1,
  newsletter_token TEXT NOT NULL UNIQUE,    -- unsubscribe link tokens: they can only turn mail off
  events_token TEXT NOT NULL UNIQUE,
  PRIMARY KEY (platform_id, user_id)
);

CREATE TABLE platform_working_groups (
  id {{id}},
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  contact_user_id {{bigint}}
);
CREATE INDEX platform_working_groups_platform ON platform_working_groups (platform_id);

CREATE TABLE platform_working_group_members (
  group_id {{bigint}} NOT NULL REFERENCES platform_working_groups(id) ON DELETE CASCADE,
  user_id {{bigint}} NOT NULL,
  joined_at {{bigint}} NOT NULL,
  PRIMARY KEY (group_id, user_id)
);

CREATE TABLE platform_office_hours (
  id {{id}},
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  weekday TEXT NOT NULL,
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  place TEXT NOT NULL
);
CREATE INDEX platform_office_hours_platform ON platform_office_hours (platform_id);

CREATE TABLE platform_subsidies (
  id {{id}},
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  requested_cents {{bigint}} NOT NULL,
  applied_at {{bigint}} NOT NULL,
  granted_cents {{bigint}},
  decision_reason TEXT NOT NULL DEFAULT '',
  decided_at {{bigint}} NOT NULL DEFAULT 0,
  overspend_explanation TEXT NOT NULL DEFAULT '',
  reported_at {{bigint}} NOT NULL DEFAULT 0,
  settled_cents {{bigint}},
  settlement_reason TEXT NOT NULL DEFAULT '',
  settled_at {{bigint}} NOT NULL DEFAULT 0
);
CREATE INDEX platform_subsidies_platform ON platform_subsidies (platform_id, year);

CREATE TABLE platform_subsidy_lines (
  subsidy_id {{bigint}} NOT NULL REFERENCES platform_subsidies(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                       -- 'budget' or 'spending'
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  amount_cents {{bigint}} NOT NULL,
  PRIMARY KEY (subsidy_id, kind, position)
);
