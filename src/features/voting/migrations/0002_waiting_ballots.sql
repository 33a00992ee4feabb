-- Ballots waiting to be mixed (issue #11 item 1). Casting a ballot marks the
-- code used and adds one sealed row here in the same transaction; a later
-- mixing transaction opens a batch of at least k voters' rows, writes their
-- ballots into voting_ballots in random order and deletes the rows. So no
-- transaction writes both a code and its ballot: PostgreSQL's xmin, ctid and
-- commit times, and SQLite's WAL frames and cell order, link a code at most
-- to a batch of k ballots. `sealed` is the ballot key and the plans, padded
-- to a fixed size and encrypted (XSalsa20-Poly1305) with a key derived from
-- the voting key file, which is kept outside the database.
CREATE TABLE voting_waiting (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  sealed {{blob}} NOT NULL
);
CREATE INDEX voting_waiting_edition ON voting_waiting (edition_id, id);
