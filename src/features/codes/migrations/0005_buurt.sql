-- The CBS buurt code of an address, when the address list gives one
-- (column "buurtcode"). A code keeps its address's buurt after the address
-- list is erased, so the dashboards can show turnout per buurt; it is never
-- linked to a ballot (docs/secret-ballot.md).
ALTER TABLE codes_addresses ADD COLUMN buurt_code TEXT;
ALTER TABLE codes_codes ADD COLUMN buurt_code TEXT;
