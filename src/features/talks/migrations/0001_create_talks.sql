-- Rounds of talks (features/talks): twice a year a meeting between the
-- municipality and each wijkplatform, with its agenda, minutes, agreements
-- (which become promises when it is held) and an append-only history.
-- Times are unix seconds in UTC; pages use Europe/Amsterdam.
CREATE TABLE talk_rounds (
  id {{id}},
  year INTEGER NOT NULL,
  half TEXT NOT NULL,
  borough TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  UNIQUE (year, half, borough)
);

CREATE TABLE talk_meetings (
  id {{id}},
  round_id {{bigint}} NOT NULL REFERENCES talk_rounds (id),
  platform_id {{bigint}} NOT NULL,
  year INTEGER NOT NULL,
  half TEXT NOT NULL,
  status TEXT NOT NULL,
  starts_at {{bigint}},
  place TEXT NOT NULL,
  reason TEXT NOT NULL,
  minutes TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  UNIQUE (platform_id, year, half)
);
CREATE INDEX talk_meetings_round ON talk_meetings (round_id);

CREATE TABLE talk_agenda_items (
  id {{id}},
  meeting_id {{bigint}} NOT NULL REFERENCES talk_meetings (id),
  position INTEGER NOT NULL,
  proposer TEXT NOT NULL,
  proposed_by {{bigint}} NOT NULL,
  text TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  UNIQUE (meeting_id, position)
);

-- Draft agreements may be removed before the meeting is held (a history
-- line says so); once held, each has its promise.
CREATE TABLE talk_agreements (
  id {{id}},
  meeting_id {{bigint}} NOT NULL REFERENCES talk_meetings (id),
  text TEXT NOT NULL,
  department TEXT NOT NULL,
  person TEXT NOT NULL,
  due_at {{bigint}} NOT NULL,
  promise_id {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX talk_agreements_meeting ON talk_agreements (meeting_id);

-- Append-only: rows are inserted, never changed or deleted.
CREATE TABLE talk_history (
  id {{id}},
  meeting_id {{bigint}} NOT NULL REFERENCES talk_meetings (id),
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX talk_history_meeting ON talk_history (meeting_id);
