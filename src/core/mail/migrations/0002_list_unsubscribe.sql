-- Unsubscribe link of list mail (newsletters), sent as the List-Unsubscribe
-- header (RFC 2369); list_unsubscribe_post = 1 adds List-Unsubscribe-Post
-- (RFC 8058 one-click).
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe TEXT;
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe_post INTEGER NOT NULL DEFAULT 0;
