-- A new registration round to fill open seats (#16): when the reserve cannot
-- fill a seat within the quotas, an official invites a new sample of
-- addresses (published seed) for round 2, 3, ...; the open seats are then
-- drawn from that round's registrations. The forum's own invitation is
-- round 1 (no row here). Times are unix seconds in UTC.
CREATE TABLE forum_rounds (
  id {{id}},
  forum_id {{bigint}} NOT NULL REFERENCES forums (id),
  number INTEGER NOT NULL,
  sample_seed TEXT NOT NULL,
  sample_size INTEGER NOT NULL,
  address_count INTEGER NOT NULL,
  address_list_sha256 TEXT NOT NULL,
  register_until {{bigint}} NOT NULL,
  open_seats INTEGER NOT NULL,
  quotas_csv TEXT NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  UNIQUE (forum_id, number)
);

-- The round of an invitation and of the registration made with it; a round
-- draw (forum_draws.kind = 'round_draw') keeps the round it draws from.
ALTER TABLE forum_invitations ADD COLUMN round_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE forum_registrations ADD COLUMN round_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE forum_draws ADD COLUMN round_number INTEGER NOT NULL DEFAULT 1;
