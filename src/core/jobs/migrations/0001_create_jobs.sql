-- Background work shared by every server process. A row is claimed by one
-- worker at a time (lease_owner until lease_until); a worker that dies
-- loses its claim when the lease ends and another worker takes the work over.
--
-- jobs: one-off work queued by a feature (e.g. generating voting codes).
CREATE TABLE jobs (
  id {{id}},
  kind TEXT NOT NULL,
  subject_id {{bigint}},
  state TEXT NOT NULL,
  run_after {{bigint}} NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  lease_owner TEXT,
  lease_until {{bigint}},
  last_error TEXT,
  created_at {{bigint}} NOT NULL,
  finished_at {{bigint}}
);
CREATE INDEX jobs_open ON jobs (run_after) WHERE state = 'open';
CREATE INDEX jobs_subject ON jobs (kind, subject_id);
-- job_schedule: periodic tasks (purges, settling phases): at most one worker
-- of all processes runs a task at a time, once per interval.
CREATE TABLE job_schedule (
  name TEXT PRIMARY KEY,
  next_run_at {{bigint}} NOT NULL,
  lease_owner TEXT,
  lease_until {{bigint}},
  last_run_at {{bigint}},
  last_error TEXT
);
