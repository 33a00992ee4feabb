-- Evidence with a progress update (features/contracts): a photo (re-encoded
-- as a JPEG without metadata) or a document (PDF). Append-only.
CREATE TABLE contract_evidence (
  id {{id}},
  update_id {{bigint}} NOT NULL REFERENCES contract_updates (id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes {{bigint}} NOT NULL,
  data {{blob}} NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX contract_evidence_update ON contract_evidence (update_id);
