-- Issue #11 item 4: the risky acts of a vote (importing addresses or making
-- codes once voting is open, paper ballots, publishing the count) wait here
-- until a second, different official confirms or rejects them. The payload
-- is what the act needs (a paper ballot's is sealed by the voting feature)
-- and is emptied once the act is decided.
CREATE TABLE codes_pending_acts (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  act TEXT NOT NULL,
  payload TEXT NOT NULL,
  summary TEXT NOT NULL,
  asked_by {{bigint}},
  asked_by_name TEXT NOT NULL,
  asked_at {{bigint}} NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'confirming', 'confirmed', 'rejected', 'failed')),
  decided_by {{bigint}},
  decided_at {{bigint}}
);
CREATE INDEX codes_pending_acts_edition ON codes_pending_acts (edition_id, state);

-- Every such act (asked, confirmed, rejected, failed) in order. Append only:
-- the database itself refuses to change or delete a row.
CREATE TABLE codes_audit_log (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  at {{bigint}} NOT NULL,
  who TEXT NOT NULL,
  event TEXT NOT NULL,
  act TEXT NOT NULL,
  summary TEXT NOT NULL,
  pending_id {{bigint}}
);
CREATE INDEX codes_audit_log_edition ON codes_audit_log (edition_id);
-- {{sqlite}}
CREATE TRIGGER codes_audit_log_no_update BEFORE UPDATE ON codes_audit_log
BEGIN SELECT RAISE(ABORT, 'codes_audit_log is append-only'); END;
CREATE TRIGGER codes_audit_log_no_delete BEFORE DELETE ON codes_audit_log
BEGIN SELECT RAISE(ABORT, 'codes_audit_log is append-only'); END;
-- {{postgres}}
CREATE FUNCTION codes_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'codes_audit_log is append-only'; END $$;
CREATE TRIGGER codes_audit_log_no_change BEFORE UPDATE OR DELETE ON codes_audit_log
FOR EACH ROW EXECUTE FUNCTION codes_audit_log_append_only();
CREATE TRIGGER codes_audit_log_no_truncate BEFORE TRUNCATE ON codes_audit_log
FOR EACH STATEMENT EXECUTE FUNCTION codes_audit_log_append_only();
-- {{end}}
