-- Generation runs are background jobs (core/jobs): any server process may
-- run one, and a run whose process died is taken over. Runs that were queued
-- or running before this change get their job now; it counts as a second
-- attempt, so it first undoes what the interrupted one left.
INSERT INTO jobs (kind, subject_id, state, run_after, attempts, max_attempts, created_at)
SELECT 'codes.generate', id, 'open', created_at, 1, 3, created_at FROM codes_runs WHERE state IN ('queued', 'running');
