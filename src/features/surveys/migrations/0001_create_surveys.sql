-- Surveys and support polls (peilingen). No table holds who answered what:
-- a response has no code, account, address or time; codes are stored only
-- as SHA-256 and marked used; open surveys keep a hash of the browser's
-- token or account, in a table of its own, to allow one response each.
CREATE TABLE surveys (
  id {{id}},
  title TEXT NOT NULL,
  intro TEXT NOT NULL DEFAULT '',
  district_code TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL,
  status TEXT NOT NULL,
  letters {{bigint}} NOT NULL DEFAULT 0,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL
);

CREATE TABLE survey_questions (
  id {{id}},
  survey_id {{bigint}} NOT NULL REFERENCES surveys (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '',
  min_choices INTEGER NOT NULL DEFAULT 0,
  max_choices INTEGER NOT NULL DEFAULT 0,
  scale_points INTEGER NOT NULL DEFAULT 5,
  low_label TEXT NOT NULL DEFAULT '',
  high_label TEXT NOT NULL DEFAULT '',
  max_length INTEGER NOT NULL DEFAULT 500,
  required INTEGER NOT NULL DEFAULT 0,
  cond_question_id {{bigint}},
  cond_option INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX survey_questions_survey ON survey_questions (survey_id, position);

CREATE TABLE survey_codes (
  id {{id}},
  survey_id {{bigint}} NOT NULL REFERENCES surveys (id),
  code_hash TEXT NOT NULL UNIQUE,
  used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE survey_participants (
  survey_id {{bigint}} NOT NULL REFERENCES surveys (id),
  key_hash TEXT NOT NULL,
  PRIMARY KEY (survey_id, key_hash)
);

CREATE TABLE survey_responses (
  id {{id}},
  survey_id {{bigint}} NOT NULL REFERENCES surveys (id),
  channel TEXT NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);

CREATE TABLE survey_answers (
  id {{id}},
  response_id {{bigint}} NOT NULL REFERENCES survey_responses (id),
  survey_id {{bigint}} NOT NULL,
  question_id {{bigint}} NOT NULL,
  choices TEXT NOT NULL DEFAULT '',
  value INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL DEFAULT '',
  moderation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_answers_survey ON survey_answers (survey_id, response_id);
