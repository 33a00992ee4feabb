-- The right to challenge (features/challenges): challenges, the gate checks
-- per criterion, the business case with its budget lines, the go/no-go
-- decisions and the monitoring reports. Checks, decisions and reports are
-- append-only. Amounts are euro cents; times unix seconds in UTC.
CREATE TABLE challenges (
  id {{id}},
  task TEXT NOT NULL,
  area TEXT NOT NULL,
  borough TEXT NOT NULL,
  group_name TEXT NOT NULL,
  legal_entity INTEGER NOT NULL,
  estimate_cents {{bigint}} NOT NULL,
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  contact_user_id {{bigint}} NOT NULL,
  stage TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);

CREATE TABLE challenge_gate_checks (
  id {{id}},
  challenge_id {{bigint}} NOT NULL REFERENCES challenges (id),
  criterion TEXT NOT NULL,
  met INTEGER NOT NULL,
  reason TEXT NOT NULL,
  actor_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX challenge_gate_checks_challenge ON challenge_gate_checks (challenge_id);

CREATE TABLE challenge_business_cases (
  challenge_id {{bigint}} PRIMARY KEY REFERENCES challenges (id),
  current_cost_cents {{bigint}} NOT NULL,
  risks TEXT NOT NULL,
  quality TEXT NOT NULL,
  updated_at {{bigint}} NOT NULL
);

CREATE TABLE challenge_budget_lines (
  challenge_id {{bigint}} NOT NULL REFERENCES challenges (id),
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  amount_cents {{bigint}} NOT NULL,
  PRIMARY KEY (challenge_id, position)
);

CREATE TABLE challenge_decisions (
  id {{id}},
  challenge_id {{bigint}} NOT NULL REFERENCES challenges (id),
  moment TEXT NOT NULL,
  go INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  actor_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX challenge_decisions_challenge ON challenge_decisions (challenge_id);

CREATE TABLE challenge_reports (
  id {{id}},
  challenge_id {{bigint}} NOT NULL REFERENCES challenges (id),
  period TEXT NOT NULL,
  text TEXT NOT NULL,
  spent_cents {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX challenge_reports_challenge ON challenge_reports (challenge_id);
