-- Full-text search of the archive on PostgreSQL: a tsvector in the 'dutch'
-- configuration, title weighted above the body, with a GIN index (the
-- SQLite form is 0002_search_sqlite.sql).
CREATE TABLE archive_search (
  source TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  platform_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  at BIGINT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B')) STORED,
  PRIMARY KEY (source, ref_id)
);
CREATE INDEX archive_search_tsv ON archive_search USING GIN (tsv);
CREATE INDEX archive_search_platform ON archive_search (platform_id, kind);
