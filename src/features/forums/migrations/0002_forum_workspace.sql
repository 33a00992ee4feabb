-- The forum's workspace (features/forums, #16 item 6): meetings with agenda
-- and minutes, PDF documents (bytes in the blob store, by SHA-256), and the
-- yearly neighbourhood agenda with its budget and items. Times are unix
-- seconds in UTC; amounts in euro cents.
CREATE TABLE forum_meetings (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  held_at {{bigint}} NOT NULL,
  place TEXT NOT NULL,
  agenda TEXT NOT NULL,
  minutes TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX forum_meetings_forum ON forum_meetings (forum_id);

CREATE TABLE forum_documents (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes {{bigint}} NOT NULL,
  uploaded_by {{bigint}} NOT NULL,
  uploaded_at {{bigint}} NOT NULL
);
CREATE INDEX forum_documents_forum ON forum_documents (forum_id);

CREATE TABLE forum_agendas (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  year INTEGER NOT NULL,
  budget_cents {{bigint}} NOT NULL,
  published_at {{bigint}},
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  UNIQUE (forum_id, year)
);

-- status: proposed | adopted | rejected.
CREATE TABLE forum_agenda_items (
  id {{id}},
  agenda_id {{bigint}} NOT NULL REFERENCES forum_agendas (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  amount_cents {{bigint}} NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX forum_agenda_items_agenda ON forum_agenda_items (agenda_id);
