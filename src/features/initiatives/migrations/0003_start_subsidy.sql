-- Start subsidies (startsubsidie) of initiatives: one row per application
-- with its status flow (applied -> granted -> paid -> reported -> settled;
-- refused; withdrawn). Budget and spending lines are JSON arrays of
-- {"description", "cents"}. `year` is the calendar year of the grant: the
-- yearly budget counts what was granted in it.
CREATE TABLE initiative_subsidies (
  id {{id}},
  initiative_id {{bigint}} NOT NULL REFERENCES initiatives(id),
  status TEXT NOT NULL,
  purpose TEXT NOT NULL,
  budget_json TEXT NOT NULL,
  requested_cents {{bigint}} NOT NULL,
  applied_at {{bigint}} NOT NULL,
  granted_cents {{bigint}},
  decision_reason TEXT NOT NULL DEFAULT '',
  decided_at {{bigint}} NOT NULL DEFAULT 0,
  year INTEGER NOT NULL DEFAULT 0,
  payment_reference TEXT NOT NULL DEFAULT '',
  paid_at {{bigint}} NOT NULL DEFAULT 0,
  spending_json TEXT NOT NULL DEFAULT '[]',
  account TEXT NOT NULL DEFAULT '',
  reported_at {{bigint}} NOT NULL DEFAULT 0,
  settled_cents {{bigint}},
  settlement_reason TEXT NOT NULL DEFAULT '',
  settled_at {{bigint}} NOT NULL DEFAULT 0
);
CREATE INDEX initiative_subsidies_initiative ON initiative_subsidies (initiative_id, id);
CREATE INDEX initiative_subsidies_year ON initiative_subsidies (year, status);
