// Geography of one municipality as CBS (Statistics Netherlands) publishes it:
// gemeente -> stadsdelen (boroughs) -> wijken (districts) -> buurten
// (neighbourhoods), with shapes, key figures and the mapping of the former
// wijkraden (neighbourhood councils) to buurten. Plain values; load one with
// cbs_import.h. Immutable after loading, so safe to share between threads.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wp::geography {

// A CBS gemeentecode: "GM" + 4 digits, e.g. "GM0392" (Haarlem).
class MunicipalityCode {
 public:
  MunicipalityCode() = default;  // empty; never equal to a parsed code
  // Returns the code, or nullopt unless `s` is exactly "GM" + 4 digits.
  static std::optional<MunicipalityCode> Parse(std::string_view s);
  const std::string& str() const { return value_; }
  auto operator<=>(const MunicipalityCode&) const = default;

 private:
  friend class DistrictCode;
  explicit MunicipalityCode(std::string v) : value_(std::move(v)) {}
  std::string value_;
};

// A CBS wijkcode: "WK" + 4 municipality digits + 2 district digits.
class DistrictCode {
 public:
  DistrictCode() = default;  // empty; never equal to a parsed code
  // Returns the code, or nullopt unless `s` is exactly "WK" + 6 digits.
  static std::optional<DistrictCode> Parse(std::string_view s);
  const std::string& str() const { return value_; }
  // The municipality the code belongs to: "WK039201" -> "GM0392".
  MunicipalityCode municipality() const;
  auto operator<=>(const DistrictCode&) const = default;

 private:
  friend class NeighbourhoodCode;
  explicit DistrictCode(std::string v) : value_(std::move(v)) {}
  std::string value_;
};

// A CBS buurtcode: "BU" + 4 municipality digits + 2 district + 2 buurt digits.
class NeighbourhoodCode {
 public:
  NeighbourhoodCode() = default;  // empty; never equal to a parsed code
  // Returns the code, or nullopt unless `s` is exactly "BU" + 8 digits.
  static std::optional<NeighbourhoodCode> Parse(std::string_view s);
  const std::string& str() const { return value_; }
  // The district the code belongs to by CBS numbering: "BU03920101" -> "WK039201".
  DistrictCode district() const;
  auto operator<=>(const NeighbourhoodCode&) const = default;

 private:
  explicit NeighbourhoodCode(std::string v) : value_(std::move(v)) {}
  std::string value_;
};

// A WGS84 position in degrees (GeoJSON order: longitude first).
struct Point {
  double lon = 0;
  double lat = 0;
  bool operator==(const Point&) const = default;
};
// A closed ring: front() == back(), at least 4 points.
using Ring = std::vector<Point>;
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};
// Empty when an area has no shape.
using MultiPolygon = std::vector<Polygon>;

// CBS key figures. A figure is nullopt when the source leaves it out (column
// absent, empty cell, or CBS's "." for secret/unknown).
struct Figures {
  std::optional<int64_t> population;
  std::optional<int64_t> men;
  std::optional<int64_t> women;
  std::optional<int64_t> dwellings;
  std::optional<double> area_total_ha;
  std::optional<double> area_land_ha;
  std::optional<double> area_water_ha;
  std::optional<double> density_per_km2_land;
};

// A stadsdeel. Stadsdelen are municipal, not CBS, areas: they have no code and
// no shape; they are identified by name. Figures come from the stadsdelen file
// when it has them (checked against the districts), else are summed from the
// districts (a sum is nullopt if any district lacks that figure).
struct Borough {
  std::string name;  // "Schalkwijk"
  std::string slug;  // "schalkwijk", unique within the municipality
  int index = 0;     // 1-based position in Municipality::boroughs (name order); used for map colours
  int district_count = 0;
  int neighbourhood_count = 0;
  Figures figures;
};

// A CBS wijk.
struct District {
  DistrictCode code;        // "WK039201"
  std::string name;         // "Oude Stad"
  std::string slug;         // "oude-stad"; unique within the municipality (code appended on a clash)
  std::string borough;      // Borough::name
  std::optional<int> year;  // CBS reference year of the figures and shape
  Figures figures;
  MultiPolygon shape;
};

// A CBS buurt.
struct Neighbourhood {
  NeighbourhoodCode code;  // "BU03920101"
  std::string name;        // "Stationsbuurt"
  std::string slug;        // "stationsbuurt"; not necessarily unique, look up by code
  DistrictCode district_code;
  std::string borough;  // Borough::name, same as its district's
  std::optional<int> year;
  Figures figures;
  MultiPolygon shape;
};

// How sure the mapping of a former council to CBS buurten is (as the source states).
enum class MappingConfidence { kUnknown, kLow, kMedium, kHigh };

// A former wijkraad and the CBS buurten its area is taken to be.
struct CouncilMapping {
  std::string council_name;                       // "Rozenprieel"
  std::vector<NeighbourhoodCode> neighbourhoods;  // may be empty when not yet mapped
  std::optional<DistrictCode> district_code;      // nullopt when the source leaves it out
  bool district_uncertain = false;                // the source marked the district with "?"
  MappingConfidence confidence = MappingConfidence::kUnknown;
  std::string note;
};

// One municipality. Boroughs are sorted by name, districts and
// neighbourhoods by code, council mappings keep file order.
struct Municipality {
  MunicipalityCode code;
  std::string name;         // "Haarlem"; the code's text when the source has no name
  std::string attribution;  // licence/credit text from the GeoJSON files, if any
  std::vector<Borough> boroughs;
  std::vector<District> districts;
  std::vector<Neighbourhood> neighbourhoods;
  std::vector<CouncilMapping> council_mappings;
};

// Lookups. Returned pointers point into `m` and stay valid while `m` lives
// unchanged; nullptr when there is no such area.
const District* FindDistrict(const Municipality& m, const DistrictCode& code);
const District* FindDistrictBySlug(const Municipality& m, std::string_view slug);
const Neighbourhood* FindNeighbourhood(const Municipality& m, const NeighbourhoodCode& code);
const Borough* FindBorough(const Municipality& m, std::string_view name);
const Borough* FindBoroughBySlug(const Municipality& m, std::string_view slug);
const CouncilMapping* FindCouncilMapping(const Municipality& m, std::string_view council_name);
// In code order; empty for an unknown district or borough.
std::vector<const Neighbourhood*> NeighbourhoodsOfDistrict(const Municipality& m, const DistrictCode& code);
std::vector<const District*> DistrictsOfBorough(const Municipality& m, std::string_view borough_name);

// Geometry, in degrees. Rings are treated as planar (fine at city scale).
// True when `p` lies inside `shape` (inside an outer ring, not in a hole).
// Points exactly on an edge may go either way.
bool Contains(const MultiPolygon& shape, Point p);
// The neighbourhood or district whose shape contains `p`; the lowest code wins
// where generalised shapes overlap; nullptr outside all shapes. CBS
// generalises each level separately, so a neighbourhood's shape does not nest
// exactly in its district's: to place a point, find the neighbourhood and use
// its district_code rather than calling FindDistrictAt too.
const Neighbourhood* FindNeighbourhoodAt(const Municipality& m, double lon, double lat);
const District* FindDistrictAt(const Municipality& m, double lon, double lat);
// Area-weighted centroid of the largest polygon; nullopt for an empty or
// degenerate shape. May lie outside a concave shape.
std::optional<Point> Centroid(const MultiPolygon& shape);
// A point inside the shape, near its centroid: the centroid when it is inside,
// else the middle of the widest inside span on the horizontal line through it.
// For placing labels and markers; nullopt for an empty or degenerate shape.
std::optional<Point> InteriorPoint(const MultiPolygon& shape);

struct BoundingBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  bool empty = true;
  void Extend(Point p);
  void Extend(const MultiPolygon& shape);
};

}  // namespace wp::geography
