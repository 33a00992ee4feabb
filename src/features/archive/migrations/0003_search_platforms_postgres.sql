-- An entry of the index may sit in several platforms' archives (an advice
-- request asks one or more platforms): one row per platform, so the key
-- takes the platform too. SQLite's FTS5 table has no key (no SQLite form).
ALTER TABLE archive_search DROP CONSTRAINT archive_search_pkey;
ALTER TABLE archive_search ADD PRIMARY KEY (source, ref_id, platform_id);
