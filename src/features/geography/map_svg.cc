#include "features/geography/map_svg.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wp::geography {
namespace {

// An area to draw, whatever its level.
struct Item {
  MapArea area;
  const MultiPolygon* shape = nullptr;
  int borough_index = 0;
};

// Escapes text for XML content and attribute values; drops characters XML 1.0
// does not allow (C0 controls other than tab, LF and CR).
std::string EscapeXml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

std::string SafeId(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      out.push_back(c);
    }
  }
  if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out = "wp-map" + out;
  return out;
}

// A number in tenths, written with at most one decimal: 123 -> "12.3", -40 -> "-4".
std::string Tenths(long v) {
  std::string out = v < 0 ? "-" : "";
  long a = v < 0 ? -v : v;
  out += std::to_string(a / 10);
  if (a % 10 != 0) {
    out.push_back('.');
    out.push_back(static_cast<char>('0' + a % 10));
  }
  return out;
}

// Equirectangular projection with cos(latitude) scaling, fitted to the viewBox.
class Projection {
 public:
  Projection(const BoundingBox& box, int width) : box_(box), width_(width) {
    double lat0 = (box.min_lat + box.max_lat) / 2 * std::numbers::pi / 180;
    kx_ = std::cos(lat0);
    double wx = std::max((box.max_lon - box.min_lon) * kx_, 1e-9);
    double wy = std::max(box.max_lat - box.min_lat, 1e-9);
    scale_ = (width - 2 * kMargin) / wx;
    height_ = static_cast<int>(std::ceil(wy * scale_ + 2 * kMargin));
  }
  int width() const { return width_; }
  int height() const { return height_; }
  // Projected coordinates in tenths of a user unit.
  std::pair<long, long> Tenths(Point p) const {
    double x = kMargin + (p.lon - box_.min_lon) * kx_ * scale_;
    double y = kMargin + (box_.max_lat - p.lat) * scale_;
    return {std::lround(x * 10), std::lround(y * 10)};
  }

 private:
  static constexpr double kMargin = 4;
  BoundingBox box_;
  int width_;
  double kx_ = 1, scale_ = 1;
  int height_ = 0;
};

// Path data for a shape: rings rounded to 0.1, consecutive duplicates dropped,
// rings that collapse to fewer than 3 points left out.
std::string PathData(const MultiPolygon& shape, const Projection& proj) {
  std::string d;
  auto add_ring = [&](const Ring& ring) {
    std::vector<std::pair<long, long>> pts;
    for (const Point& p : ring) {
      auto t = proj.Tenths(p);
      if (pts.empty() || pts.back() != t) pts.push_back(t);
    }
    while (pts.size() > 1 && pts.back() == pts.front()) pts.pop_back();
    if (pts.size() < 3) return;
    for (size_t i = 0; i < pts.size(); ++i) {
      d += i == 0 ? "M" : (i == 1 ? "L" : " ");
      d += geography::Tenths(pts[i].first) + " " + geography::Tenths(pts[i].second);
    }
    d += "Z";
  };
  for (const Polygon& poly : shape) {
    add_ring(poly.outer);
    for (const Ring& h : poly.holes) add_ring(h);
  }
  return d;
}

bool Intersects(const BoundingBox& a, const BoundingBox& b) {
  return !a.empty && !b.empty && a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat &&
         b.min_lat <= a.max_lat;
}

RenderedMap Render(const std::vector<Item>& items, const std::string& default_title, const MapOptions& options) {
  std::set<std::string> classes = {"wp-map"};
  const auto& hl = options.highlighted;
  bool any_highlight = std::any_of(items.begin(), items.end(), [&](const Item& it) { return hl.count(it.area.code); });

  BoundingBox view;
  for (const Item& it : items) {
    if (!options.fit_to_highlighted || !any_highlight || hl.count(it.area.code)) view.Extend(*it.shape);
  }
  if (view.empty) view.Extend(Point{0, 0});
  if (options.fit_to_highlighted && any_highlight) {
    // Leave a quarter of the highlighted extent as context on every side.
    double dx = (view.max_lon - view.min_lon) / 4, dy = (view.max_lat - view.min_lat) / 4;
    view.Extend(Point{view.min_lon - dx, view.min_lat - dy});
    view.Extend(Point{view.max_lon + dx, view.max_lat + dy});
  }
  Projection proj(view, std::clamp(options.width, 100, 4000));

  std::string id = SafeId(options.id_prefix);
  std::string title = options.title.empty() ? default_title : options.title;
  bool any_link = false;
  std::string body, labels;
  for (const Item& it : items) {
    BoundingBox box;
    box.Extend(*it.shape);
    if (!Intersects(box, view)) continue;
    std::string d = PathData(*it.shape, proj);
    if (d.empty()) continue;
    std::string area_classes = "wp-map__area wp-map__area--borough-" + std::to_string(it.borough_index);
    classes.insert("wp-map__area");
    classes.insert("wp-map__area--borough-" + std::to_string(it.borough_index));
    if (any_highlight) {
      std::string state = hl.count(it.area.code) ? "wp-map__area--highlighted" : "wp-map__area--muted";
      area_classes += " " + state;
      classes.insert(state);
    }
    std::string name = EscapeXml(it.area.name);
    std::string path = "<path class=\"" + area_classes + "\" data-code=\"" + EscapeXml(it.area.code) +
                       "\" fill-rule=\"evenodd\" d=\"" + d + "\"/>";
    std::string url = options.link_for ? options.link_for(it.area) : std::string();
    if (!url.empty()) {
      any_link = true;
      classes.insert("wp-map__link");
      body += "<a class=\"wp-map__link\" href=\"" + EscapeXml(url) + "\"><title>" + name + "</title>" + path + "</a>\n";
    } else {
      body += "<g><title>" + name + "</title>" + path + "</g>\n";
    }
    if (options.show_labels) {
      if (std::optional<Point> at = InteriorPoint(*it.shape)) {
        auto [x, y] = proj.Tenths(*at);
        bool in_view = x >= 0 && y >= 0 && x <= 10L * proj.width() && y <= 10L * proj.height();
        if (in_view) {
          labels += "<text class=\"wp-map__label\" x=\"" + Tenths(x) + "\" y=\"" + Tenths(y) +
                    "\" text-anchor=\"middle\" dominant-baseline=\"middle\">" + name + "</text>\n";
        }
      }
    }
  }

  std::string labelled_by = id + "-title";
  if (!options.description.empty()) labelled_by += " " + id + "-desc";
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wp-map\" viewBox=\"0 0 " +
                    std::to_string(proj.width()) + " " + std::to_string(proj.height()) + "\" role=\"" +
                    (any_link ? "group" : "img") + "\" aria-labelledby=\"" + labelled_by + "\">\n";
  svg += "<title id=\"" + id + "-title\">" + EscapeXml(title) + "</title>\n";
  if (!options.description.empty()) {
    svg += "<desc id=\"" + id + "-desc\">" + EscapeXml(options.description) + "</desc>\n";
  }
  svg += body;
  if (!labels.empty()) {
    classes.insert("wp-map__labels");
    classes.insert("wp-map__label");
    // Labels sit on top of the links; they must not catch clicks or taps.
    svg += "<g class=\"wp-map__labels\" aria-hidden=\"true\" pointer-events=\"none\">\n" + labels + "</g>\n";
  }
  svg += "</svg>\n";
  return RenderedMap{std::move(svg), std::vector<std::string>(classes.begin(), classes.end())};
}

int BoroughIndexOf(const Municipality& m, std::string_view borough) {
  const Borough* b = FindBorough(m, borough);
  return b ? b->index : 0;
}

std::vector<Item> DistrictItems(const Municipality& m) {
  std::vector<Item> items;
  for (const District& d : m.districts) {
    if (d.shape.empty()) continue;
    items.push_back(Item{MapArea{d.code.str(), d.name, d.slug}, &d.shape, BoroughIndexOf(m, d.borough)});
  }
  return items;
}

void AddNeighbourhood(const Municipality& m, const Neighbourhood& n, std::vector<Item>& items) {
  if (n.shape.empty()) return;
  items.push_back(Item{MapArea{n.code.str(), n.name, n.slug}, &n.shape, BoroughIndexOf(m, n.borough)});
}

}  // namespace

RenderedMap RenderDistrictMap(const Municipality& m, const MapOptions& options) {
  return Render(DistrictItems(m), m.name, options);
}

Result<RenderedMap> RenderBoroughMap(const Municipality& m, std::string_view borough_slug, const MapOptions& options) {
  const Borough* borough = FindBoroughBySlug(m, borough_slug);
  if (borough == nullptr) return NotFound("no borough with slug '" + std::string(borough_slug) + "'");
  MapOptions with_borough = options;
  for (const District* d : DistrictsOfBorough(m, borough->name)) with_borough.highlighted.insert(d->code.str());
  return Render(DistrictItems(m), options.title.empty() ? borough->name : options.title, with_borough);
}

Result<RenderedMap> RenderNeighbourhoodMap(const Municipality& m, const DistrictCode& district,
                                           const MapOptions& options) {
  const District* d = FindDistrict(m, district);
  if (d == nullptr) return NotFound("no district " + district.str());
  std::vector<Item> items;
  for (const Neighbourhood* n : NeighbourhoodsOfDistrict(m, district)) AddNeighbourhood(m, *n, items);
  return Render(items, d->name, options);
}

RenderedMap RenderAllNeighbourhoodsMap(const Municipality& m, const MapOptions& options) {
  std::vector<Item> items;
  for (const Neighbourhood& n : m.neighbourhoods) AddNeighbourhood(m, n, items);
  return Render(items, m.name, options);
}

}  // namespace wp::geography
