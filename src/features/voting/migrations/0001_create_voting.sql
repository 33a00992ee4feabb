-- Voting (secret ballot). A ballot row holds only the edition, the ballot key
-- (an HMAC of edition and code under a secret kept outside the database, see
-- codes/code_book.h) and the chosen plans: no id, no time, no channel. On
-- SQLite the table has no rowid, so rows are stored in ballot-key order (a
-- pseudo-random order) and nothing records the order of voting. Whether a
-- code was used lives in the codes tables, without a time.
CREATE TABLE voting_ballots (
  edition_id {{bigint}} NOT NULL,
  ballot_key TEXT NOT NULL,
  plan_ids TEXT NOT NULL,
  PRIMARY KEY (edition_id, ballot_key)
){{without_rowid}};

-- Failed code checks, for rate limiting guesses. The key is "addr:<client
-- address>" or "edition:<id>"; the typed code is never stored.
CREATE TABLE voting_attempts (
  id {{id}},
  attempt_key TEXT NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX voting_attempts_key_at ON voting_attempts (attempt_key, at);

-- The published count of an edition: the outcome, the counting report and
-- the anonymous ballots in Pabulib format (voter ids 1..n in ballot-key order).
CREATE TABLE voting_results (
  edition_id {{bigint}} PRIMARY KEY,
  rule TEXT NOT NULL,
  outcome_json TEXT NOT NULL,
  report_text TEXT NOT NULL,
  pabulib TEXT NOT NULL,
  ballots {{bigint}} NOT NULL,
  used_online {{bigint}} NOT NULL,
  used_on_paper {{bigint}} NOT NULL,
  counted_at {{bigint}} NOT NULL,
  counted_by {{bigint}} NOT NULL
);
