-- Lottery forums and panels (features/forums, #16): the forum and its quotas,
-- the invited addresses with their registration codes, the registrations,
-- the draws (first draws and replacements, append-only), the members and the
-- append-only history. Times are unix seconds in UTC.
CREATE TABLE forums (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  district_code TEXT NOT NULL,
  district_name TEXT NOT NULL,
  borough TEXT NOT NULL,
  purpose TEXT NOT NULL,
  seats INTEGER NOT NULL,
  term_months INTEGER NOT NULL,
  register_until {{bigint}} NOT NULL,
  appeal_days INTEGER NOT NULL,
  quotas_csv TEXT NOT NULL,
  sample_seed TEXT NOT NULL,
  sample_size INTEGER NOT NULL,
  address_count INTEGER NOT NULL,
  address_list_sha256 TEXT NOT NULL,
  invited_at {{bigint}},
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL
);

-- One row per invited address; the code is printed on the letter.
CREATE TABLE forum_invitations (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  letter_number INTEGER NOT NULL,
  address TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  registered_at {{bigint}}
);
CREATE INDEX forum_invitations_forum ON forum_invitations (forum_id);

-- public_id ("R007") is the only name a registration has in published files.
-- Contact details and availability are erased after the appeal period
-- (erased_at); the features stay, anonymously, in the published draw files.
CREATE TABLE forum_registrations (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  invitation_id {{bigint}} NOT NULL UNIQUE REFERENCES forum_invitations (id),
  public_id TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  availability TEXT NOT NULL,
  features_json TEXT NOT NULL,
  consent_at {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  erased_at {{bigint}},
  UNIQUE (forum_id, public_id)
);

-- kind: draw | replacement. status: queued | running | done | failed.
CREATE TABLE forum_draws (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  kind TEXT NOT NULL,
  seed TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT NOT NULL,
  categories_csv TEXT NOT NULL,
  respondents_csv TEXT NOT NULL,
  panel_csv TEXT NOT NULL,
  dropouts TEXT NOT NULL,
  result_json TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  finished_at {{bigint}}
);
CREATE INDEX forum_draws_forum ON forum_draws (forum_id);

CREATE TABLE forum_members (
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  registration_id {{bigint}} NOT NULL REFERENCES forum_registrations (id),
  draw_id {{bigint}} NOT NULL REFERENCES forum_draws (id),
  term_ends_at {{bigint}} NOT NULL,
  left_at {{bigint}},
  PRIMARY KEY (forum_id, registration_id)
);

CREATE TABLE forum_history (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  at {{bigint}} NOT NULL,
  actor {{bigint}} NOT NULL,
  event TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX forum_history_forum ON forum_history (forum_id);
