-- The municipality's geography. geo_sources keeps the imported CBS files as
-- they were (the app parses them at start); the other tables are the same
-- data in rows, for other features to join on codes.
CREATE TABLE geo_sources (
  role TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  contents TEXT NOT NULL,
  imported_at {{bigint}} NOT NULL
);

CREATE TABLE geo_boroughs (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  population {{bigint}}
);

CREATE TABLE geo_districts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  borough_slug TEXT NOT NULL REFERENCES geo_boroughs(slug),
  population {{bigint}}
);

CREATE TABLE geo_neighbourhoods (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  district_code TEXT NOT NULL REFERENCES geo_districts(code),
  borough_slug TEXT NOT NULL REFERENCES geo_boroughs(slug),
  population {{bigint}}
);

-- The municipality's contact for a stadsdeel (the gebiedsverbinder), as
-- published on the stadsdeel page.
CREATE TABLE geo_borough_contacts (
  borough_slug TEXT PRIMARY KEY,
  contact_name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  note TEXT NOT NULL,
  updated_at {{bigint}} NOT NULL,
  updated_by {{bigint}}
);
