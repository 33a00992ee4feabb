-- The archive of the wijkplatforms (features/archive): PDF documents kept
-- outside the database by their SHA-256 (core/files), the append-only
-- history of each, the platforms council members follow, and the daily
-- digest claims (one row per person and local day). Times are unix seconds in UTC.
CREATE TABLE archive_documents (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  document_date TEXT NOT NULL,
  description TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes {{bigint}} NOT NULL,
  status TEXT NOT NULL,
  withdrawn_reason TEXT NOT NULL,
  uploaded_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX archive_documents_platform ON archive_documents (platform_id, status, document_date);
CREATE INDEX archive_documents_created ON archive_documents (created_at);

-- Append-only: rows are inserted, never changed or deleted.
CREATE TABLE archive_history (
  id {{id}},
  document_id {{bigint}} NOT NULL REFERENCES archive_documents (id),
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX archive_history_document ON archive_history (document_id);

CREATE TABLE archive_follows (
  user_id {{bigint}} NOT NULL,
  platform_id {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  PRIMARY KEY (user_id, platform_id)
);

-- Append-only: every follow and unfollow.
CREATE TABLE archive_follow_history (
  id {{id}},
  user_id {{bigint}} NOT NULL,
  platform_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL,
  action TEXT NOT NULL
);

-- One digest per person per local day: the INSERT that wins the primary key
-- sends it, so several server processes never send it twice. `until_at` is
-- the end of the period the digest covered; the next one starts there.
CREATE TABLE archive_digests (
  user_id {{bigint}} NOT NULL,
  day TEXT NOT NULL,
  until_at {{bigint}} NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (user_id, day)
);
