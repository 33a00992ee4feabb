-- Voting codes of Wijk aan Zet editions. Codes are stored only as keyed
-- hashes (HMAC-SHA256 with a key outside the database). No timestamp of use
-- is stored (secret ballot). Addresses can be erased after printing: the codes
-- then lose their address (address_id NULL) and keep working.
CREATE TABLE codes_addresses (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  address TEXT NOT NULL,
  address_key TEXT NOT NULL,
  UNIQUE (edition_id, address_key)
);

-- One generation run (all waiting addresses) or one reissued letter.
CREATE TABLE codes_runs (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('generate', 'reissue')),
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'finished', 'failed')),
  total {{bigint}} NOT NULL DEFAULT 0,
  done {{bigint}} NOT NULL DEFAULT 0,
  with_letters {{bigint}} NOT NULL DEFAULT 1,
  csv_file TEXT NOT NULL DEFAULT '',
  pdf_file TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  finished_at {{bigint}}
);
CREATE INDEX codes_runs_edition ON codes_runs (edition_id);

CREATE TABLE codes_codes (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  code_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('unused', 'used_online', 'used_paper', 'revoked')),
  address_id {{bigint}} REFERENCES codes_addresses(id),
  letter_number {{bigint}} NOT NULL,
  run_id {{bigint}} NOT NULL REFERENCES codes_runs(id),
  UNIQUE (edition_id, code_hash),
  UNIQUE (edition_id, letter_number)
);
CREATE INDEX codes_codes_address ON codes_codes (address_id);

-- Per edition: when the address list was erased (NULL: not erased).
CREATE TABLE codes_editions (
  edition_id {{bigint}} PRIMARY KEY,
  addresses_erased_at {{bigint}}
);

-- The report of an address import (counts and problems as JSON), shown after
-- the upload (POST, then redirect to the report).
CREATE TABLE codes_imports (
  id {{id}},
  edition_id {{bigint}} NOT NULL,
  report TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);
