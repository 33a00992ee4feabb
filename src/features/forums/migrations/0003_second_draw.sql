-- The second, weighted draw (#16 item 5): every draw keeps the number of
-- seats it drew for (a second draw draws the extra seats; the forum grows
-- afterwards), and a second draw keeps the targets the official typed for the
-- whole forum after it (a categories file).
ALTER TABLE forum_draws ADD COLUMN seats {{bigint}} NOT NULL DEFAULT 0;
ALTER TABLE forum_draws ADD COLUMN targets_csv TEXT NOT NULL DEFAULT '';
UPDATE forum_draws SET seats = (SELECT f.seats FROM forums f WHERE f.id = forum_draws.forum_id);
