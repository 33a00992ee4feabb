// GeoJSON FeatureCollections of area shapes (Polygon and MultiPolygon in
// WGS84 lon/lat), keyed by CBS code. Pure; parsing uses nlohmann::json.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "features/geography/csv.h"
#include "features/geography/geography.h"

namespace wp::geography {

struct GeoJsonFeature {
  size_t index = 0;  // 0-based position in "features"
  std::string code;  // properties.code, else properties.statcode, else the feature's string id
  std::string name;  // properties.name, if any
  MultiPolygon shape;
};

// Parses a FeatureCollection. `attribution`, when non-null, receives the
// collection's "attribution" member if present. Rings must have at least 4
// positions, be closed, and lie within WGS84 degree ranges. Returns
// kInvalidInput naming the file and feature ("<file>: feature <n> (<code>):
// <reason>", n from 1) for a missing or duplicate code, a missing or
// unsupported geometry or an invalid ring, and "<file>:<line>: invalid JSON"
// for syntax errors.
Result<std::vector<GeoJsonFeature>> ParseGeoJsonFeatures(const SourceFile& file, std::string* attribution = nullptr);

// The same, as shapes keyed by code.
Result<std::map<std::string, MultiPolygon>> ParseGeoJsonShapes(const SourceFile& file,
                                                               std::string* attribution = nullptr);

// kInvalidInput with detail "<file>: feature <index + 1> (<code>): <reason>".
Error FeatureError(const SourceFile& file, size_t index, std::string_view code, const std::string& reason);

}  // namespace wp::geography
