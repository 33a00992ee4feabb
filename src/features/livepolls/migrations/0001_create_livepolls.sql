-- Live polls at meetings: the poll of a platform's meeting with its join
-- code, its questions, and the answers of participants without an account
-- (a participant is the SHA-256 of a random cookie token; one answer per
-- question each). Wrong join codes per client address, for the rate limit.
CREATE TABLE livepolls (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  title TEXT NOT NULL,
  meeting TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft',
  active INTEGER NOT NULL DEFAULT -1,
  show_results INTEGER NOT NULL DEFAULT 0,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  closed_at {{bigint}}
);
CREATE INDEX livepolls_platform ON livepolls (platform_id, id);

CREATE TABLE livepoll_questions (
  id {{id}},
  poll_id {{bigint}} NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '',
  scale_max INTEGER NOT NULL DEFAULT 5,
  UNIQUE (poll_id, position)
);

CREATE TABLE livepoll_answers (
  id {{id}},
  poll_id {{bigint}} NOT NULL,
  question_id {{bigint}} NOT NULL,
  participant TEXT NOT NULL,
  value TEXT NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  UNIQUE (question_id, participant)
);
CREATE INDEX livepoll_answers_poll ON livepoll_answers (poll_id, question_id);

CREATE TABLE livepoll_wrong_codes (
  id {{id}},
  client TEXT NOT NULL,
  seen_at {{bigint}} NOT NULL
);
CREATE INDEX livepoll_wrong_codes_client ON livepoll_wrong_codes (client, seen_at);
