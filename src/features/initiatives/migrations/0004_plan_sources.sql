-- Wijk aan Zet plans that were not chosen and went on as an initiative at
-- the desk: one initiative per plan (the primary key), with the plan's page.
CREATE TABLE initiative_plan_sources (
  plan_id {{bigint}} PRIMARY KEY,
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  plan_path TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX initiative_plan_sources_initiative ON initiative_plan_sources (initiative_id);
