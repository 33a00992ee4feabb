#include "features/geography/geography.h"

#include <algorithm>
#include <cmath>

namespace wp::geography {
namespace {

bool IsPrefixAndDigits(std::string_view s, std::string_view prefix, size_t digits) {
  if (s.size() != prefix.size() + digits || s.substr(0, prefix.size()) != prefix) return false;
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(prefix.size()), s.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// Signed area (shoelace) and centroid of a closed ring, in degrees.
struct RingMoments {
  double area = 0;
  double cx = 0;
  double cy = 0;
};

RingMoments Moments(const Ring& ring) {
  RingMoments m;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    const Point& a = ring[i];
    const Point& b = ring[i + 1];
    double cross = a.lon * b.lat - b.lon * a.lat;
    m.area += cross;
    m.cx += (a.lon + b.lon) * cross;
    m.cy += (a.lat + b.lat) * cross;
  }
  m.area /= 2;
  return m;
}

// Even-odd ray casting; a ring need not be closed explicitly.
bool RingContains(const Ring& ring, Point p) {
  bool inside = false;
  size_t n = ring.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat)) {
      double x = (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon;
      if (p.lon < x) inside = !inside;
    }
  }
  return n >= 3 && inside;
}

bool PolygonContains(const Polygon& poly, Point p) {
  if (!RingContains(poly.outer, p)) return false;
  return std::none_of(poly.holes.begin(), poly.holes.end(), [&](const Ring& h) { return RingContains(h, p); });
}

const Polygon* LargestPolygon(const MultiPolygon& shape) {
  const Polygon* best = nullptr;
  double best_area = 0;
  for (const Polygon& poly : shape) {
    double a = std::abs(Moments(poly.outer).area);
    if (a > best_area) {
      best_area = a;
      best = &poly;
    }
  }
  return best;
}

// Crossings of all rings of `poly` with the horizontal line at `lat`.
std::vector<double> Crossings(const Polygon& poly, double lat) {
  std::vector<double> xs;
  auto add_ring = [&](const Ring& ring) {
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
      const Point& a = ring[i];
      const Point& b = ring[i + 1];
      if ((a.lat > lat) != (b.lat > lat)) xs.push_back((b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon);
    }
  };
  add_ring(poly.outer);
  for (const Ring& h : poly.holes) add_ring(h);
  std::sort(xs.begin(), xs.end());
  return xs;
}

}  // namespace

std::optional<MunicipalityCode> MunicipalityCode::Parse(std::string_view s) {
  if (!IsPrefixAndDigits(s, "GM", 4)) return std::nullopt;
  return MunicipalityCode(std::string(s));
}

std::optional<DistrictCode> DistrictCode::Parse(std::string_view s) {
  if (!IsPrefixAndDigits(s, "WK", 6)) return std::nullopt;
  return DistrictCode(std::string(s));
}

MunicipalityCode DistrictCode::municipality() const {
  if (value_.size() != 8) return MunicipalityCode();
  return MunicipalityCode("GM" + value_.substr(2, 4));
}

std::optional<NeighbourhoodCode> NeighbourhoodCode::Parse(std::string_view s) {
  if (!IsPrefixAndDigits(s, "BU", 8)) return std::nullopt;
  return NeighbourhoodCode(std::string(s));
}

DistrictCode NeighbourhoodCode::district() const {
  if (value_.size() != 10) return DistrictCode();
  return DistrictCode("WK" + value_.substr(2, 6));
}

const District* FindDistrict(const Municipality& m, const DistrictCode& code) {
  auto it = std::lower_bound(m.districts.begin(), m.districts.end(), code,
                             [](const District& d, const DistrictCode& c) { return d.code < c; });
  return it != m.districts.end() && it->code == code ? &*it : nullptr;
}

const District* FindDistrictBySlug(const Municipality& m, std::string_view slug) {
  for (const District& d : m.districts) {
    if (d.slug == slug) return &d;
  }
  return nullptr;
}

const Neighbourhood* FindNeighbourhood(const Municipality& m, const NeighbourhoodCode& code) {
  auto it = std::lower_bound(m.neighbourhoods.begin(), m.neighbourhoods.end(), code,
                             [](const Neighbourhood& n, const NeighbourhoodCode& c) { return n.code < c; });
  return it != m.neighbourhoods.end() && it->code == code ? &*it : nullptr;
}

const Borough* FindBorough(const Municipality& m, std::string_view name) {
  for (const Borough& b : m.boroughs) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const Borough* FindBoroughBySlug(const Municipality& m, std::string_view slug) {
  for (const Borough& b : m.boroughs) {
    if (b.slug == slug) return &b;
  }
  return nullptr;
}

const CouncilMapping* FindCouncilMapping(const Municipality& m, std::string_view council_name) {
  for (const CouncilMapping& c : m.council_mappings) {
    if (c.council_name == council_name) return &c;
  }
  return nullptr;
}

std::vector<const Neighbourhood*> NeighbourhoodsOfDistrict(const Municipality& m, const DistrictCode& code) {
  std::vector<const Neighbourhood*> out;
  for (const Neighbourhood& n : m.neighbourhoods) {
    if (n.district_code == code) out.push_back(&n);
  }
  return out;
}

std::vector<const District*> DistrictsOfBorough(const Municipality& m, std::string_view borough_name) {
  std::vector<const District*> out;
  for (const District& d : m.districts) {
    if (d.borough == borough_name) out.push_back(&d);
  }
  return out;
}

bool Contains(const MultiPolygon& shape, Point p) {
  return std::any_of(shape.begin(), shape.end(), [&](const Polygon& poly) { return PolygonContains(poly, p); });
}

const Neighbourhood* FindNeighbourhoodAt(const Municipality& m, double lon, double lat) {
  for (const Neighbourhood& n : m.neighbourhoods) {
    if (Contains(n.shape, Point{lon, lat})) return &n;
  }
  return nullptr;
}

const District* FindDistrictAt(const Municipality& m, double lon, double lat) {
  for (const District& d : m.districts) {
    if (Contains(d.shape, Point{lon, lat})) return &d;
  }
  return nullptr;
}

std::optional<Point> Centroid(const MultiPolygon& shape) {
  const Polygon* poly = LargestPolygon(shape);
  if (poly == nullptr) return std::nullopt;
  RingMoments outer = Moments(poly->outer);
  double area = outer.area, cx = outer.cx, cy = outer.cy;
  // Holes are wound either way in the wild: subtract them with the outer ring's sign.
  double sign = outer.area < 0 ? -1 : 1;
  for (const Ring& h : poly->holes) {
    RingMoments hm = Moments(h);
    double hs = (hm.area < 0 ? -1 : 1) * sign;
    area -= hs * hm.area;
    cx -= hs * hm.cx;
    cy -= hs * hm.cy;
  }
  if (area == 0) return std::nullopt;
  return Point{cx / (6 * area), cy / (6 * area)};
}

std::optional<Point> InteriorPoint(const MultiPolygon& shape) {
  std::optional<Point> c = Centroid(shape);
  if (!c) return std::nullopt;
  const Polygon* poly = LargestPolygon(shape);
  if (PolygonContains(*poly, *c)) return c;
  std::vector<double> xs = Crossings(*poly, c->lat);
  double best_width = -1;
  Point best = *c;
  for (size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best_width) {
      best_width = xs[i + 1] - xs[i];
      best = Point{(xs[i] + xs[i + 1]) / 2, c->lat};
    }
  }
  return best;
}

void BoundingBox::Extend(Point p) {
  if (empty) {
    min_lon = max_lon = p.lon;
    min_lat = max_lat = p.lat;
    empty = false;
    return;
  }
  min_lon = std::min(min_lon, p.lon);
  max_lon = std::max(max_lon, p.lon);
  min_lat = std::min(min_lat, p.lat);
  max_lat = std::max(max_lat, p.lat);
}

void BoundingBox::Extend(const MultiPolygon& shape) {
  for (const Polygon& poly : shape) {
    for (const Point& p : poly.outer) Extend(p);
  }
}

}  // namespace wp::geography
