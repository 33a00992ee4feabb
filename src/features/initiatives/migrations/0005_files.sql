-- Photos (re-encoded as JPEG without metadata) and attachments (PDF) of an
-- initiative, kept in the database so every server process sees them.
CREATE TABLE initiative_files (
  id {{id}},
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes {{bigint}} NOT NULL,
  data {{blob}} NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX initiative_files_initiative ON initiative_files (initiative_id, id);
