-- Wijk aan Zet: editions, plans (with cost lines, photos and an append-only
-- history), likes, merge proposals, and the milestones and progress updates
-- of funded plans. Area buurtcodes and themes are stored one per row.
CREATE TABLE budget_editions (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  borough_slug TEXT NOT NULL DEFAULT '',
  budget_cents {{bigint}} NOT NULL,
  min_age INTEGER NOT NULL,
  like_threshold INTEGER NOT NULL,
  ballot_kind TEXT NOT NULL,
  max_plans INTEGER NOT NULL DEFAULT 0,
  min_spend_cents {{bigint}},
  max_spend_cents {{bigint}},
  counting_rule TEXT NOT NULL,
  plans_open {{bigint}} NOT NULL,
  likes_open {{bigint}} NOT NULL,
  review_open {{bigint}} NOT NULL,
  voting_open {{bigint}} NOT NULL,
  voting_close {{bigint}} NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  likes_settled INTEGER NOT NULL DEFAULT 0,
  ballot_settled INTEGER NOT NULL DEFAULT 0,
  selection_recorded INTEGER NOT NULL DEFAULT 0,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);

CREATE TABLE budget_edition_area (
  edition_id {{bigint}} NOT NULL REFERENCES budget_editions(id) ON DELETE CASCADE,
  neighbourhood_code TEXT NOT NULL,
  PRIMARY KEY (edition_id, neighbourhood_code)
);

CREATE TABLE budget_edition_themes (
  edition_id {{bigint}} NOT NULL REFERENCES budget_editions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  theme TEXT NOT NULL,
  PRIMARY KEY (edition_id, position)
);

CREATE TABLE budget_plans (
  id {{id}},
  edition_id {{bigint}} NOT NULL REFERENCES budget_editions(id) ON DELETE CASCADE,
  submitter_id {{bigint}} NOT NULL,
  submitter_name TEXT NOT NULL,
  submitter_email TEXT NOT NULL,
  submitter_locale TEXT NOT NULL DEFAULT 'nl',
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  theme TEXT NOT NULL,
  neighbourhood_code TEXT NOT NULL,
  lon REAL,
  lat REAL,
  cost_cents {{bigint}} NOT NULL,
  status TEXT NOT NULL,
  status_note TEXT NOT NULL DEFAULT '',
  merged_into {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX budget_plans_edition ON budget_plans (edition_id, status);

CREATE TABLE budget_plan_costs (
  plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  amount_cents {{bigint}} NOT NULL,
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE budget_plan_history (
  id {{id}},
  plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  actor_name TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX budget_plan_history_plan ON budget_plan_history (plan_id, id);

CREATE TABLE budget_plan_photos (
  id {{id}},
  plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  stored_name TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);

CREATE TABLE budget_likes (
  edition_id {{bigint}} NOT NULL REFERENCES budget_editions(id) ON DELETE CASCADE,
  plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  user_id {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  PRIMARY KEY (edition_id, plan_id, user_id)
);
CREATE INDEX budget_likes_plan ON budget_likes (plan_id);

CREATE TABLE budget_merges (
  id {{id}},
  edition_id {{bigint}} NOT NULL REFERENCES budget_editions(id) ON DELETE CASCADE,
  source_plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  target_plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  proposed_by {{bigint}} NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  source_consent INTEGER NOT NULL DEFAULT 0,
  target_consent INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'pending',
  created_at {{bigint}} NOT NULL
);

CREATE TABLE budget_milestones (
  id {{id}},
  plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  due_at {{bigint}} NOT NULL,
  done_at {{bigint}}
);

CREATE TABLE budget_progress (
  id {{id}},
  plan_id {{bigint}} NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
  at {{bigint}} NOT NULL,
  author_id {{bigint}} NOT NULL,
  author_name TEXT NOT NULL,
  note TEXT NOT NULL
);
