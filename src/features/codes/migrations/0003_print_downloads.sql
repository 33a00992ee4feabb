-- Issue #11 item 3: every download of a print file or letters is recorded:
-- who (the account and its name then), which file, when. Shown to the
-- edition's managers and administrators on the codes page.
CREATE TABLE codes_downloads (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  file_name TEXT NOT NULL,
  user_id {{bigint}},
  user_name TEXT NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX codes_downloads_edition ON codes_downloads (edition_id);
