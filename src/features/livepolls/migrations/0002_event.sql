-- A poll may belong to an activity of the platform (events): its results are
-- then listed on the activity's page. NULL: a meeting named in text only.
ALTER TABLE livepolls ADD COLUMN event_id {{bigint}};
CREATE INDEX livepolls_event ON livepolls (event_id);
