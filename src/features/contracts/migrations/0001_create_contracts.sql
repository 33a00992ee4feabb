-- Neighbourhood contracts (features/contracts): per platform and year,
-- themes with commitments, progress updates with evidence, amendments after
-- signing with their reason, reminders sent, and the append-only history.
-- Times are unix seconds in UTC; pages use Europe/Amsterdam.
CREATE TABLE contracts (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  municipal_contact_name TEXT NOT NULL,
  municipal_contact_email TEXT NOT NULL,
  status TEXT NOT NULL,
  platform_approved_by {{bigint}},
  platform_approved_at {{bigint}},
  municipality_approved_by {{bigint}},
  municipality_approved_at {{bigint}},
  signed_at {{bigint}},
  signed_version TEXT NOT NULL,
  review TEXT NOT NULL,
  previous_id {{bigint}},
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  UNIQUE (platform_id, year)
);

CREATE TABLE contract_themes (
  id {{id}},
  contract_id {{bigint}} NOT NULL REFERENCES contracts (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX contract_themes_contract ON contract_themes (contract_id);

CREATE TABLE contract_commitments (
  id {{id}},
  contract_id {{bigint}} NOT NULL REFERENCES contracts (id),
  theme_id {{bigint}} NOT NULL REFERENCES contract_themes (id),
  text TEXT NOT NULL,
  party TEXT NOT NULL,
  party_name TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  owner_email TEXT NOT NULL,
  due_at {{bigint}} NOT NULL,
  status TEXT NOT NULL,
  reminded_due_at {{bigint}},
  added_by_amendment INTEGER NOT NULL
);
CREATE INDEX contract_commitments_contract ON contract_commitments (contract_id);
CREATE INDEX contract_commitments_due ON contract_commitments (status, due_at);

-- Append-only: progress reports with their evidence.
CREATE TABLE contract_updates (
  id {{id}},
  commitment_id {{bigint}} NOT NULL REFERENCES contract_commitments (id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  text TEXT NOT NULL,
  actor_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX contract_updates_commitment ON contract_updates (commitment_id);

-- Append-only: changes to a signed contract.
CREATE TABLE contract_amendments (
  id {{id}},
  contract_id {{bigint}} NOT NULL REFERENCES contracts (id),
  commitment_id {{bigint}},
  before_text TEXT NOT NULL,
  after_text TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX contract_amendments_contract ON contract_amendments (contract_id);

-- Append-only: rows are inserted, never changed or deleted.
CREATE TABLE contract_history (
  id {{id}},
  contract_id {{bigint}} NOT NULL REFERENCES contracts (id),
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  event TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX contract_history_contract ON contract_history (contract_id);
