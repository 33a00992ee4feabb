-- Panel mode: the forum or panel (features/forums, by id) whose members get a
-- personal code by e-mail, and which members got one, so nobody gets two.
-- A row says who got a code, never which: the codes stay in survey_codes
-- as SHA-256 only, apart from this table.
ALTER TABLE surveys ADD COLUMN panel_forum_id {{bigint}};

CREATE TABLE survey_panel_sent (
  survey_id {{bigint}} NOT NULL REFERENCES surveys (id),
  member_id {{bigint}} NOT NULL,
  address_hash TEXT NOT NULL,
  PRIMARY KEY (survey_id, member_id)
);
