#include "features/geography/map_svg.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/xml.h"

namespace wp::geography {
namespace {

// An area to draw, whatever its level.
struct Item {
  MapArea area;
  const MultiPolygon* shape = nullptr;
  int borough_index = 0;
};

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

// Projected coordinates in tenths of a user unit.
std::pair<long, long> Tenths(const MapFrame& frame, Point p) {
  auto [x, y] = frame.ToMap(p);
  return {std::lround(x * 10), std::lround(y * 10)};
}

// Path data for a shape: rings rounded to 0.1, consecutive duplicates dropped,
// rings that collapse to fewer than 3 points left out.
std::string PathData(const MultiPolygon& shape, const MapFrame& proj) {
  std::string d;
  auto add_ring = [&](const Ring& ring) {
    std::vector<std::pair<long, long>> pts;
    for (const Point& p : ring) {
      auto t = geography::Tenths(proj, p);
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

// Colours of a standalone map (an image cannot use the page's stylesheet):
// calm areas with clear edges, so the markers and labels stand out.
constexpr const char* kStandaloneArea = " fill=\"#f4f4f4\" stroke=\"#575757\" stroke-width=\"0.6\"";
constexpr const char* kStandaloneHighlighted = " fill=\"#fbe3e7\" stroke=\"#575757\" stroke-width=\"0.6\"";
constexpr const char* kStandaloneLabel =
    " font-family=\"sans-serif\" font-size=\"9\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"2\" "
    "paint-order=\"stroke\"";
constexpr const char* kStandaloneMarker = " r=\"6\" fill=\"#c8102e\" stroke=\"#ffffff\" stroke-width=\"2\"";

std::string SafeClassPart(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') out.push_back(c);
  }
  return out;
}

// The part of the world a map shows: the explicit view, else the areas (or
// the highlighted ones with a quarter of their extent around them).
BoundingBox ViewOf(const std::vector<Item>& items, const MapOptions& options, bool any_highlight) {
  if (options.view && !options.view->empty) return *options.view;
  const auto& hl = options.highlighted;
  BoundingBox view;
  for (const Item& it : items) {
    if (!options.fit_to_highlighted || !any_highlight || hl.count(it.area.code)) view.Extend(*it.shape);
  }
  if (view.empty) view.Extend(Point{0, 0});
  if (options.fit_to_highlighted && any_highlight) {
    double dx = (view.max_lon - view.min_lon) / 4, dy = (view.max_lat - view.min_lat) / 4;
    view.Extend(Point{view.min_lon - dx, view.min_lat - dy});
    view.Extend(Point{view.max_lon + dx, view.max_lat + dy});
  }
  return view;
}

std::string RenderMarkers(const MapOptions& options, const MapFrame& frame, std::set<std::string>& classes) {
  std::string out;
  for (const MapMarker& m : options.markers) {
    auto [x, y] = Tenths(frame, m.at);
    if (x < 0 || y < 0 || x > 10L * frame.width() || y > 10L * frame.height()) continue;
    std::string circle = "<circle";
    if (options.standalone) {
      circle += kStandaloneMarker;
    } else {
      std::string cls = "wp-map__marker";
      classes.insert(cls);
      std::string modifier = SafeClassPart(m.modifier);
      if (!modifier.empty()) {
        cls += " wp-map__marker--" + modifier;
        classes.insert("wp-map__marker--" + modifier);
      }
      circle += " class=\"" + cls + "\" r=\"5\"";
    }
    circle += " cx=\"" + Tenths(x) + "\" cy=\"" + Tenths(y) + "\"/>";
    std::string title = m.label.empty() ? "" : "<title>" + XmlEscape(m.label) + "</title>";
    if (!m.href.empty() && !options.standalone) {
      classes.insert("wp-map__marker-link");
      out += "<a class=\"wp-map__marker-link\" href=\"" + XmlEscape(m.href) + "\">" + title + circle + "</a>\n";
    } else {
      out += "<g>" + title + circle + "</g>\n";
    }
  }
  return out;
}

// The fill of one area: inline paint for a standalone file, classes (noted
// in `classes` for the page's CSS) on a page.
std::string AreaPaint(int borough_index, bool highlighted, bool any_highlight, const MapOptions& options,
                      std::set<std::string>& classes) {
  if (options.standalone) return highlighted ? kStandaloneHighlighted : kStandaloneArea;
  std::string area_classes = "wp-map__area wp-map__area--borough-" + std::to_string(borough_index);
  classes.insert("wp-map__area");
  classes.insert("wp-map__area--borough-" + std::to_string(borough_index));
  if (any_highlight) {
    std::string state = highlighted ? "wp-map__area--highlighted" : "wp-map__area--muted";
    area_classes += " " + state;
    classes.insert(state);
  }
  return " class=\"" + area_classes + "\"";
}

// The name of an area at a point inside it, or "" when that point is out of view.
std::string AreaLabel(const MultiPolygon& shape, const MapFrame& proj, const MapOptions& options,
                      const std::string& escaped_name) {
  std::optional<Point> at = InteriorPoint(shape);
  if (!at) return "";
  auto [x, y] = Tenths(proj, *at);
  bool in_view = x >= 0 && y >= 0 && x <= 10L * proj.width() && y <= 10L * proj.height();
  if (!in_view) return "";
  std::string look = options.standalone ? kStandaloneLabel : " class=\"wp-map__label\"";
  return "<text" + look + " x=\"" + Tenths(x) + "\" y=\"" + Tenths(y) +
         "\" text-anchor=\"middle\" dominant-baseline=\"middle\">" + escaped_name + "</text>\n";
}

// The <svg> start tag with its accessible name and description.
std::string SvgHead(const MapOptions& options, const MapFrame& proj, const std::string& id, const std::string& title,
                    bool any_link) {
  std::string labelled_by = id + "-title";
  if (!options.description.empty()) labelled_by += " " + id + "-desc";
  std::string size = std::to_string(proj.width()) + " " + std::to_string(proj.height());
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  if (options.standalone) {
    svg += " width=\"" + std::to_string(proj.width()) + "\" height=\"" + std::to_string(proj.height()) + "\"";
  } else {
    svg += " class=\"wp-map\"";
  }
  svg += " viewBox=\"0 0 " + size + "\" role=\"" + (any_link ? "group" : "img") + "\" aria-labelledby=\"" +
         labelled_by + "\">\n";
  svg += "<title id=\"" + id + "-title\">" + XmlEscape(title) + "</title>\n";
  if (!options.description.empty()) {
    svg += "<desc id=\"" + id + "-desc\">" + XmlEscape(options.description) + "</desc>\n";
  }
  if (options.standalone) svg += "<rect width=\"100%\" height=\"100%\" fill=\"#dfe9ee\"/>\n";
  return svg;
}

RenderedMap Render(const std::vector<Item>& items, const std::string& default_title, const MapOptions& options) {
  std::set<std::string> classes = {"wp-map"};
  const auto& hl = options.highlighted;
  bool any_highlight = std::any_of(items.begin(), items.end(), [&](const Item& it) { return hl.count(it.area.code); });
  BoundingBox view = ViewOf(items, options, any_highlight);
  MapFrame proj(view, std::clamp(options.width, 100, 4000));

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
    bool highlighted = hl.count(it.area.code) > 0;
    std::string paint = AreaPaint(it.borough_index, highlighted, any_highlight, options, classes);
    std::string name = XmlEscape(it.area.name);
    std::string path =
        "<path" + paint + " data-code=\"" + XmlEscape(it.area.code) + "\" fill-rule=\"evenodd\" d=\"" + d + "\"/>";
    std::string url = options.link_for && !options.standalone ? options.link_for(it.area) : std::string();
    if (!url.empty()) {
      any_link = true;
      classes.insert("wp-map__link");
      body += "<a class=\"wp-map__link\" href=\"" + XmlEscape(url) + "\"><title>" + name + "</title>" + path + "</a>\n";
    } else {
      body += "<g><title>" + name + "</title>" + path + "</g>\n";
    }
    if (options.show_labels) labels += AreaLabel(*it.shape, proj, options, name);
  }
  std::string markers = RenderMarkers(options, proj, classes);
  any_link = any_link || markers.find("<a ") != std::string::npos;

  std::string svg = SvgHead(options, proj, id, title, any_link);
  svg += body;
  if (!labels.empty()) {
    if (!options.standalone) {
      classes.insert("wp-map__labels");
      classes.insert("wp-map__label");
    }
    // Labels sit on top of the links; they must not catch clicks or taps.
    svg += std::string("<g") + (options.standalone ? "" : " class=\"wp-map__labels\"") +
           " aria-hidden=\"true\" pointer-events=\"none\">\n" + labels + "</g>\n";
  }
  svg += markers;
  svg += "</svg>\n";
  if (options.standalone) classes.clear();
  return RenderedMap{std::move(svg), std::vector<std::string>(classes.begin(), classes.end()), proj};
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

MapFrame::MapFrame(const BoundingBox& view, int width) : view_(view), width_(width) {
  double lat0 = (view.min_lat + view.max_lat) / 2 * std::numbers::pi / 180;
  kx_ = std::cos(lat0);
  double wx = std::max((view.max_lon - view.min_lon) * kx_, 1e-9);
  double wy = std::max(view.max_lat - view.min_lat, 1e-9);
  scale_ = (width - 2 * kMargin) / wx;
  height_ = static_cast<int>(std::ceil(wy * scale_ + 2 * kMargin));
}

std::pair<double, double> MapFrame::ToMap(Point p) const {
  return {kMargin + (p.lon - view_.min_lon) * kx_ * scale_, kMargin + (view_.max_lat - p.lat) * scale_};
}

Point MapFrame::ToPoint(double x, double y) const {
  return Point{view_.min_lon + (x - kMargin) / (kx_ * scale_), view_.max_lat - (y - kMargin) / scale_};
}

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

RenderedMap WithMarkers(const RenderedMap& base, const MapOptions& options) {
  size_t end = base.svg.rfind("</svg>");
  if (end == std::string::npos || options.markers.empty()) return base;
  std::set<std::string> classes(base.css_classes.begin(), base.css_classes.end());
  std::string markers = RenderMarkers(options, base.frame, classes);
  RenderedMap out{base.svg.substr(0, end) + markers + base.svg.substr(end), {}, base.frame};
  // Links among the markers make the map a group of links, as Render does.
  const std::string img = " role=\"img\"";
  size_t head_end = out.svg.find('>');
  size_t role = out.svg.find(img);
  if (markers.find("<a ") != std::string::npos && role != std::string::npos && role < head_end) {
    out.svg.replace(role, img.size(), " role=\"group\"");
  }
  if (!options.standalone) out.css_classes.assign(classes.begin(), classes.end());
  return out;
}

RenderedMap RenderAllNeighbourhoodsMap(const Municipality& m, const MapOptions& options) {
  std::vector<Item> items;
  for (const Neighbourhood& n : m.neighbourhoods) AddNeighbourhood(m, n, items);
  return Render(items, m.name, options);
}

}  // namespace wp::geography
