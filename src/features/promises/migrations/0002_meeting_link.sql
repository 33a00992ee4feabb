-- A promise made from an agreement of a meeting in a round of talks
-- (features/talks) links back to that meeting.
ALTER TABLE promises ADD COLUMN meeting_id {{bigint}};
