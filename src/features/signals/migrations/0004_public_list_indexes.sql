-- The public list of a wijk or buurt must cost what one page costs, not what
-- the whole stock costs (bench/signals: 100,000 signals, 64 connections).
-- Counting reads only the index: (area, public_until, status) holds all a
-- count needs. Listing walks (area, created_at, id) backwards and tests
-- public_until and status inside the index, so page 1 stops after its rows.
DROP INDEX signals_public;
DROP INDEX signals_district_recent;
DROP INDEX signals_neighbourhood;
CREATE INDEX signals_public ON signals (district_code, public_until, status);
CREATE INDEX signals_public_buurt ON signals (neighbourhood_code, public_until, status);
CREATE INDEX signals_district_recent ON signals (district_code, created_at, id, public_until, status);
CREATE INDEX signals_neighbourhood ON signals (neighbourhood_code, created_at, id, public_until, status);
