-- News posts and newsletters of wijkplatforms (features/news). Bodies are
-- Markdown, rendered safely when shown. Times are unix seconds in UTC.
CREATE TABLE news_posts (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  author_id {{bigint}},
  author_name TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  published_at {{bigint}}
);
CREATE INDEX news_posts_platform ON news_posts (platform_id, status);

-- A newsletter is sent once: sent_at is set in the transaction that queues
-- one outbox message per recipient.
CREATE TABLE newsletters (
  id {{id}},
  platform_id {{bigint}} NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  sent_at {{bigint}},
  sent_by {{bigint}},
  recipient_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX newsletters_platform ON newsletters (platform_id);
