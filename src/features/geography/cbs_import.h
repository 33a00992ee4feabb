// Import of a municipality's geography from CBS-shaped CSV and GeoJSON files
// (e.g. the CBS Wijk- en Buurtkaart and Kerncijfers wijken en buurten).
// Everything here is pure (file contents in, values out) except
// ReadCbsFolder and LoadMunicipalityFromFolder, which only read files.
// Nothing is specific to one municipality.
//
// File-set contract (columns are found by header name, in any order; names
// are compared case-insensitively after trimming, may carry a year suffix
// such as "cbs_buurtcodes_2024", and unknown columns are ignored):
//
//   <prefix>-wijken.csv       required. One row per district.
//       required: code (WK + 6 digits), name, stadsdeel
//       optional: gemeentecode (checked against the codes), gemeentenaam
//                 (same on every row; default: the gemeentecode), year,
//                 population, men, women, dwellings, area_total_ha,
//                 area_land_ha, area_water_ha, density_per_km2_land
//   <prefix>-buurten.csv      required. One row per neighbourhood.
//       required: code (BU + 8 digits, numbered under its wijkcode), name, wijkcode
//       optional: wijknaam, gemeentecode, stadsdeel (checked against the
//                 district), year, and the same figures as for districts
//       Every district must have at least one neighbourhood.
//   <prefix>-wijken.geojson   required. FeatureCollection, one feature per district
//   <prefix>-buurten.geojson  required. FeatureCollection, one feature per neighbourhood
//       A feature is matched to its row by the property "code" (or
//       "statcode"), else by the feature's "id". Geometry is a Polygon or
//       MultiPolygon in WGS84 lon/lat; rings must be closed. Every row needs
//       exactly one feature and every feature a row; a feature's "name"
//       property, if any, must equal the row's name.
//   <prefix>-stadsdelen.csv   optional. One row per borough.
//       required: stadsdeel
//       optional: wijken, buurten (counts), population, men, women,
//                 dwellings, area_land_ha, area_total_ha, area_water_ha
//       Without this file boroughs are the distinct "stadsdeel" values of the
//       districts. With it, every district's borough must be listed, every
//       listed borough must have a district, and every figure given must equal
//       the sum over its districts (areas within 0.5 ha per district, for
//       rounding). Figures the file lacks are summed from the districts.
//   <prefix>-wijkraden-mapping.csv, or exactly one
//   <prefix>-wijkraden-<anything>-mapping.csv   optional. Former councils.
//       required: wijkraad, cbs_buurtcodes (";"-separated, may be empty)
//       optional: cbs_wijkcode (may end in "?" for uncertain, or be empty;
//                 when certain, every listed buurt must lie in it),
//                 confidence (high|medium|low|empty), note
//       Council names are unique; listed buurtcodes must be known.
//
// CSV: RFC 4180 (quoted fields, "" escapes, newlines inside quotes), LF or
// CRLF line ends, an optional UTF-8 byte order mark, blank lines skipped. The
// separator is ";" when the header line has ";" but no ",", else ",". Text
// must be valid UTF-8. Numbers: digits, optionally one "." or "," decimal
// separator for areas and density; an empty cell or "." means "not given".
//
// Errors are kInvalidInput with a detail "<file>:<line>: <reason>" for CSV
// (the line where the record starts) and "<file>: feature <n> (<code>): <reason>"
// for GeoJSON (n counts from 1).
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "features/geography/csv.h"
#include "features/geography/geography.h"
#include "features/geography/geojson.h"

namespace wp::geography {

struct CbsFiles {
  std::optional<SourceFile> boroughs_csv;  // stadsdelen
  SourceFile districts_csv;                // wijken
  SourceFile districts_geojson;
  SourceFile neighbourhoods_csv;  // buurten
  SourceFile neighbourhoods_geojson;
  std::optional<SourceFile> council_mapping_csv;  // wijkraden
};

// Builds a municipality from the files and cross-checks them (see the
// contract above): codes well-formed and unique, each neighbourhood's code
// under its district's code, every neighbourhood in a known district, every
// district in a known borough, one municipality code, numbers parse,
// borough figures consistent, every shape has a row and every row a shape,
// district slugs unique. Returns kInvalidInput naming the file, line or
// feature and the reason for the first problem found.
Result<Municipality> ImportMunicipality(const CbsFiles& files);

// Reads the files "<prefix>-..." listed above from `folder`, without parsing
// them; SourceFile::name is the file's path. Returns kNotFound naming a
// missing required file, kInvalidInput when two council mapping files match,
// kUnavailable when a file cannot be read.
Result<CbsFiles> ReadCbsFolder(const std::filesystem::path& folder, std::string_view prefix);

// ReadCbsFolder, then ImportMunicipality; returns the errors of either.
Result<Municipality> LoadMunicipalityFromFolder(const std::filesystem::path& folder, std::string_view prefix);

// Lower-level pieces for tests and other importers: csv.h (ParseCsv,
// CsvColumns) and geojson.h (ParseGeoJsonFeatures, ParseGeoJsonShapes).

}  // namespace wp::geography
