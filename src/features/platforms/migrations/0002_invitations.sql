-- Invitations to the kernteam of a platform: being made a kernteam member by
-- someone else needs the person's consent. The invited address gets a mail
-- with a link (only its SHA-256 is stored); the person signs in with that
-- address and accepts or declines. Until then they have no role.
CREATE TABLE platform_invitations (
  id {{id}},
  platform_id {{bigint}} NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  role TEXT NOT NULL,                 -- 'kernteam'
  token_hash TEXT NOT NULL UNIQUE,
  invited_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  expires_at {{bigint}} NOT NULL,
  answered_at {{bigint}},
  answer TEXT                         -- 'accepted' or 'declined'
);
CREATE INDEX platform_invitations_platform ON platform_invitations (platform_id);
