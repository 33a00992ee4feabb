-- When a survey closed: its respondents count in that quarter on the dashboards
-- (answers carry no time). NULL while it has not closed.
ALTER TABLE surveys ADD COLUMN closed_at {{bigint}};
