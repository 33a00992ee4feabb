-- Needs and offers (vraag en aanbod): the needs of initiatives (the
-- initiative is named by its id only; its data stays with the initiatives
-- feature), offers of residents, entrepreneurs and organisations, the
-- offerers' private links (stored only as SHA-256), the requests to get in
-- touch (the addresses go out by e-mail only after the other side accepts),
-- and the directory of local funds and sponsors.
CREATE TABLE offer_needs (
  id {{id}},
  initiative_id {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  themes TEXT NOT NULL DEFAULT '',
  amount TEXT NOT NULL DEFAULT '',
  until_at {{bigint}},
  is_open INTEGER NOT NULL DEFAULT 1,
  district_code TEXT NOT NULL DEFAULT '',
  borough_slug TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX offer_needs_initiative ON offer_needs (initiative_id, id);
CREATE INDEX offer_needs_open ON offer_needs (is_open, district_code);

CREATE TABLE offers (
  id {{id}},
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  themes TEXT NOT NULL DEFAULT '',
  district_code TEXT NOT NULL DEFAULT '',
  borough_slug TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  offerer_type TEXT NOT NULL,
  email TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'nl',
  user_id {{bigint}},
  confirmed INTEGER NOT NULL DEFAULT 0,
  withdrawn INTEGER NOT NULL DEFAULT 0,
  until_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX offers_public ON offers (confirmed, withdrawn, district_code);
CREATE INDEX offers_email ON offers (email, created_at);

-- Private links of an offerer: 'manage' (shown once after sending the form)
-- and 'mail' (in every e-mail; opening it confirms the address).
CREATE TABLE offer_links (
  token_hash TEXT PRIMARY KEY,
  offer_id {{bigint}} NOT NULL REFERENCES offers(id),
  purpose TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);

-- A request to get in touch about one need and one offer. The initiator's
-- name and address are kept here (copied when asked) so the accepted mail
-- can reach them; pages never show either.
CREATE TABLE offer_contacts (
  id {{id}},
  need_id {{bigint}} NOT NULL REFERENCES offer_needs(id),
  offer_id {{bigint}} NOT NULL REFERENCES offers(id),
  initiative_id {{bigint}} NOT NULL,
  asked_by TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  initiator_name TEXT NOT NULL DEFAULT '',
  initiator_email TEXT NOT NULL DEFAULT '',
  initiator_locale TEXT NOT NULL DEFAULT 'nl',
  answer_token_hash TEXT NOT NULL UNIQUE,
  asked_at {{bigint}} NOT NULL,
  answered_at {{bigint}}
);
CREATE INDEX offer_contacts_need ON offer_contacts (need_id, offer_id);
CREATE INDEX offer_contacts_offer ON offer_contacts (offer_id, asked_at);
CREATE INDEX offer_contacts_initiative ON offer_contacts (initiative_id, asked_at);

CREATE TABLE offer_funds (
  id {{id}},
  name TEXT NOT NULL,
  what TEXT NOT NULL,
  amounts TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  areas TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
