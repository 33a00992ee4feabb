-- The participation calendar (features/participation): the municipality's
-- projects with their participation paragraph, the wijken they concern,
-- their timeline and the append-only history; which platforms asked to be
-- e-mailed about new projects in their area, and which were e-mailed about
-- which project. Dates of phases are local calendar days "YYYY-MM-DD";
-- times are unix seconds in UTC.
CREATE TABLE participation_projects (
  id {{id}},
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  department TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  level TEXT NOT NULL,
  can_influence TEXT NOT NULL,
  fixed TEXT NOT NULL,
  platform_role TEXT NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX participation_projects_status ON participation_projects (status);

-- The wijken (CBS wijkcodes) of a project; replaced when the area is edited.
CREATE TABLE participation_areas (
  project_id {{bigint}} NOT NULL REFERENCES participation_projects (id),
  district_code TEXT NOT NULL,
  PRIMARY KEY (project_id, district_code)
);
CREATE INDEX participation_areas_district ON participation_areas (district_code);

-- The timeline, in order; replaced when the project is edited.
CREATE TABLE participation_phases (
  project_id {{bigint}} NOT NULL REFERENCES participation_projects (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  PRIMARY KEY (project_id, position)
);

-- Append-only: rows are inserted, never changed or deleted.
CREATE TABLE participation_history (
  id {{id}},
  project_id {{bigint}} NOT NULL REFERENCES participation_projects (id),
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  from_value TEXT NOT NULL,
  to_value TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX participation_history_project ON participation_history (project_id);

-- Append-only: each row turns a platform's e-mail about new projects on
-- ('subscribed') or off ('unsubscribed'); the newest row of a platform counts.
CREATE TABLE participation_subscriptions (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  action TEXT NOT NULL,
  actor_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX participation_subscriptions_platform ON participation_subscriptions (platform_id);

-- A platform is e-mailed about a project once.
CREATE TABLE participation_notifications (
  project_id {{bigint}} NOT NULL REFERENCES participation_projects (id),
  platform_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL,
  PRIMARY KEY (project_id, platform_id)
);
