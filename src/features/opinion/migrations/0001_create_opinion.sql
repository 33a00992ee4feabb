-- Opinion-map conversations (features/opinion): a conversation per area
-- (CBS wijk or buurt code) with its topic question and status; anonymous
-- participants (the SHA-256 of a random cookie token, never the token; an
-- account id when signed in); statements with their moderation; the latest
-- vote of each participant on each statement. `version` counts the changes
-- that move the map (votes, accepted statements), so a cached map knows it
-- is stale. Times are unix seconds in UTC.
CREATE TABLE opinion_conversations (
  id {{id}},
  area_code TEXT NOT NULL,
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL,
  seed {{bigint}} NOT NULL,
  version {{bigint}} NOT NULL,
  created_by {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  opened_at {{bigint}},
  closed_at {{bigint}}
);
CREATE INDEX opinion_conversations_area ON opinion_conversations (area_code);

CREATE TABLE opinion_participants (
  id {{id}},
  conversation_id {{bigint}} NOT NULL REFERENCES opinion_conversations (id),
  token_hash TEXT,
  user_id {{bigint}},
  created_at {{bigint}} NOT NULL,
  UNIQUE (conversation_id, token_hash),
  UNIQUE (conversation_id, user_id)
);

-- participant_id NULL: a seed statement of the organiser (accepted at once).
CREATE TABLE opinion_statements (
  id {{id}},
  conversation_id {{bigint}} NOT NULL REFERENCES opinion_conversations (id),
  participant_id {{bigint}} REFERENCES opinion_participants (id),
  text TEXT NOT NULL,
  normalised TEXT NOT NULL,
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  moderated_by {{bigint}},
  moderated_at {{bigint}},
  UNIQUE (conversation_id, normalised)
);
CREATE INDEX opinion_statements_state ON opinion_statements (conversation_id, state);

CREATE TABLE opinion_votes (
  participant_id {{bigint}} NOT NULL REFERENCES opinion_participants (id),
  statement_id {{bigint}} NOT NULL REFERENCES opinion_statements (id),
  conversation_id {{bigint}} NOT NULL REFERENCES opinion_conversations (id),
  vote INTEGER NOT NULL CHECK (vote IN (-1, 0, 1)),
  voted_at {{bigint}} NOT NULL,
  PRIMARY KEY (participant_id, statement_id)
);
CREATE INDEX opinion_votes_conversation ON opinion_votes (conversation_id);
