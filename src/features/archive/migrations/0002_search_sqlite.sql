-- Full-text search of the archive on SQLite: an FTS5 table (the PostgreSQL
-- form is 0002_search_postgres.sql; the archive registers the one of its
-- database under the id archive/0002_search). `source` and `ref_id` name
-- what a row indexes (source 'document': an archive document).
CREATE VIRTUAL TABLE archive_search USING fts5(
  title, body, source UNINDEXED, ref_id UNINDEXED, platform_id UNINDEXED, kind UNINDEXED, at UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
