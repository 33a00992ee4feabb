-- The promises log (features/promises): what the municipality commits to a
-- wijkplatform, with its owner, due date and status, and the append-only
-- history of updates, status changes and handovers. Times are unix seconds
-- in UTC; pages use Europe/Amsterdam.
CREATE TABLE promises (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL,
  source_note TEXT NOT NULL,
  advice_id {{bigint}},
  point_number INTEGER,
  department TEXT NOT NULL,
  person TEXT NOT NULL,
  due_at {{bigint}} NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX promises_platform ON promises (platform_id);
CREATE INDEX promises_status_due ON promises (status, due_at);

-- Append-only: rows are inserted, never changed or deleted.
CREATE TABLE promise_history (
  id {{id}},
  promise_id {{bigint}} NOT NULL REFERENCES promises (id),
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  from_value TEXT NOT NULL,
  to_value TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX promise_history_promise ON promise_history (promise_id);
