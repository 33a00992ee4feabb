#include "features/geography/geojson.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/strings.h"

namespace wp::geography {
namespace {

using Json = nlohmann::json;

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

Result<Ring> ParseRing(const SourceFile& f, size_t index, std::string_view code, const Json& j) {
  if (!j.is_array() || j.size() < 4) return FeatureError(f, index, code, "a ring needs at least 4 positions");
  Ring ring;
  ring.reserve(j.size());
  for (const Json& pos : j) {
    if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number()) {
      return FeatureError(f, index, code, "a position must be [lon, lat] numbers");
    }
    Point p{pos[0].get<double>(), pos[1].get<double>()};
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::abs(p.lon) > 180 || std::abs(p.lat) > 90) {
      return FeatureError(f, index, code,
                          "position outside WGS84 lon/lat degrees (is the file in another projection?)");
    }
    ring.push_back(p);
  }
  if (ring.front() != ring.back()) return FeatureError(f, index, code, "ring is not closed (first position != last)");
  return ring;
}

Result<Polygon> ParsePolygon(const SourceFile& f, size_t index, std::string_view code, const Json& j) {
  if (!j.is_array() || j.empty()) return FeatureError(f, index, code, "a polygon needs at least one ring");
  Polygon poly;
  for (size_t r = 0; r < j.size(); ++r) {
    WP_ASSIGN_OR_RETURN(Ring ring, ParseRing(f, index, code, j[r]));
    if (r == 0) {
      poly.outer = std::move(ring);
    } else {
      poly.holes.push_back(std::move(ring));
    }
  }
  return poly;
}

std::string FeatureCode(const Json& feature) {
  if (feature.contains("properties") && feature["properties"].is_object()) {
    const Json& props = feature["properties"];
    for (const char* key : {"code", "statcode"}) {
      if (props.contains(key) && props[key].is_string()) return props[key].get<std::string>();
    }
  }
  if (feature.contains("id") && feature["id"].is_string()) return feature["id"].get<std::string>();
  return "";
}

}  // namespace

Error FeatureError(const SourceFile& file, size_t index, std::string_view code, const std::string& reason) {
  std::string where = file.name + ": feature " + std::to_string(index + 1);
  if (!code.empty()) where += " (" + std::string(code) + ")";
  return InvalidInput(where + ": " + reason);
}

Result<std::vector<GeoJsonFeature>> ParseGeoJsonFeatures(const SourceFile& f, std::string* attribution) {
  Json doc;
  try {
    doc = Json::parse(f.contents);
  } catch (const Json::parse_error& e) {
    // Third-party boundary: nlohmann reports syntax errors by exception.
    size_t upto = std::min<size_t>(e.byte, f.contents.size());
    int line = 1 + static_cast<int>(std::count(f.contents.begin(), f.contents.begin() + upto, '\n'));
    return CsvError(f, line, std::string("invalid JSON: ") + e.what());
  }
  if (!doc.is_object() || !doc.contains("type") || doc["type"] != "FeatureCollection") {
    return InvalidInput(f.name + ": not a GeoJSON FeatureCollection");
  }
  if (!doc.contains("features") || !doc["features"].is_array()) {
    return InvalidInput(f.name + ": FeatureCollection has no \"features\" array");
  }
  if (attribution && doc.contains("attribution") && doc["attribution"].is_string()) {
    *attribution = doc["attribution"].get<std::string>();
  }
  std::vector<GeoJsonFeature> out;
  std::map<std::string, size_t> seen;
  const Json& features = doc["features"];
  for (size_t i = 0; i < features.size(); ++i) {
    const Json& feat = features[i];
    if (!feat.is_object() || !feat.contains("type") || feat["type"] != "Feature") {
      return FeatureError(f, i, "", "not a GeoJSON Feature");
    }
    GeoJsonFeature out_feat;
    out_feat.index = i;
    out_feat.code = FeatureCode(feat);
    if (out_feat.code.empty()) return FeatureError(f, i, "", "no code (properties.code, properties.statcode or id)");
    if (!IsValidUtf8(out_feat.code)) return FeatureError(f, i, "", "code is not valid UTF-8");
    auto [it, inserted] = seen.emplace(out_feat.code, i);
    if (!inserted) {
      return FeatureError(f, i, out_feat.code, "duplicate code, also feature " + std::to_string(it->second + 1));
    }
    if (feat.contains("properties") && feat["properties"].is_object() && feat["properties"].contains("name") &&
        feat["properties"]["name"].is_string()) {
      out_feat.name = feat["properties"]["name"].get<std::string>();
    }
    if (!feat.contains("geometry") || !feat["geometry"].is_object()) {
      return FeatureError(f, i, out_feat.code, "no geometry");
    }
    const Json& geom = feat["geometry"];
    std::string type = geom.contains("type") && geom["type"].is_string() ? geom["type"].get<std::string>() : "";
    if (!geom.contains("coordinates")) return FeatureError(f, i, out_feat.code, "geometry has no coordinates");
    const Json& coords = geom["coordinates"];
    if (type == "Polygon") {
      WP_ASSIGN_OR_RETURN(Polygon poly, ParsePolygon(f, i, out_feat.code, coords));
      out_feat.shape.push_back(std::move(poly));
    } else if (type == "MultiPolygon") {
      if (!coords.is_array() || coords.empty()) return FeatureError(f, i, out_feat.code, "empty MultiPolygon");
      for (const Json& pj : coords) {
        WP_ASSIGN_OR_RETURN(Polygon poly, ParsePolygon(f, i, out_feat.code, pj));
        out_feat.shape.push_back(std::move(poly));
      }
    } else {
      return FeatureError(f, i, out_feat.code,
                          "unsupported geometry type " + Quoted(type) + ", expected Polygon or MultiPolygon");
    }
    out.push_back(std::move(out_feat));
  }
  return out;
}

Result<std::map<std::string, MultiPolygon>> ParseGeoJsonShapes(const SourceFile& file, std::string* attribution) {
  WP_ASSIGN_OR_RETURN(std::vector<GeoJsonFeature> features, ParseGeoJsonFeatures(file, attribution));
  std::map<std::string, MultiPolygon> out;
  for (GeoJsonFeature& feat : features) out.emplace(std::move(feat.code), std::move(feat.shape));
  return out;
}

}  // namespace wp::geography
