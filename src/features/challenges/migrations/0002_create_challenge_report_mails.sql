-- The monitoring mails of running challenges (features/challenges,
-- monitoring.h): a reminder before a report's due date and a notice once it
-- has passed, each once per challenge, kind and due date. The primary key
-- keeps a second server process from sending the same mail again.
CREATE TABLE challenge_report_mails (
  challenge_id {{bigint}} NOT NULL REFERENCES challenges (id),
  kind TEXT NOT NULL,
  due_at {{bigint}} NOT NULL,
  sent_at {{bigint}} NOT NULL,
  PRIMARY KEY (challenge_id, kind, due_at)
);
