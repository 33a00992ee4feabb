#include "features/opinion/map_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/strings.h"

namespace wp::opinion {
namespace {

constexpr double kSize = 400;
constexpr double kMargin = 24;
constexpr const char* kColours[] = {"#1d4ed8", "#b45309", "#15803d", "#7e22ce", "#be123c"};
constexpr const char* kShapes[] = {"circle", "square", "triangle", "diamond", "cross"};
constexpr const char* kGrey = "#595959";  // not grouped

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Maps map coordinates to the picture (y up on the map, down in SVG).
struct Frame {
  double scale = 1;
  Point At(Point p) const { return {kSize / 2 + p.x * scale, kSize / 2 - p.y * scale}; }
};

Frame FrameOf(const OpinionMap& map) {
  double extent = 1e-9;
  for (const Point& p : map.projection.participant) extent = std::max({extent, std::fabs(p.x), std::fabs(p.y)});
  return {(kSize / 2 - kMargin) / extent};
}

// One mark of `shape` centred at `c` with radius `r`.
std::string Mark(int g, Point c, double r, const char* fill) {
  const std::string x = Num(c.x), y = Num(c.y);
  const std::string style = std::string(" fill=\"") + fill + "\"";
  switch (g < 0 ? 0 : g % 5) {
    case 1:
      return "<rect x=\"" + Num(c.x - r) + "\" y=\"" + Num(c.y - r) + "\" width=\"" + Num(2 * r) + "\" height=\"" +
             Num(2 * r) + "\"" + style + "/>";
    case 2:
      return "<polygon points=\"" + x + "," + Num(c.y - r * 1.2) + " " + Num(c.x - r * 1.1) + "," + Num(c.y + r) + " " +
             Num(c.x + r * 1.1) + "," + Num(c.y + r) + "\"" + style + "/>";
    case 3:
      return "<polygon points=\"" + x + "," + Num(c.y - r * 1.3) + " " + Num(c.x + r * 1.3) + "," + y + " " + x + "," +
             Num(c.y + r * 1.3) + " " + Num(c.x - r * 1.3) + "," + y + "\"" + style + "/>";
    case 4:
      return "<path d=\"M" + Num(c.x - r) + " " + Num(c.y - r) + "L" + Num(c.x + r) + " " + Num(c.y + r) + "M" +
             Num(c.x + r) + " " + Num(c.y - r) + "L" + Num(c.x - r) + " " + Num(c.y + r) + "\" stroke=\"" + fill +
             "\" stroke-width=\"2\"/>";
    default:
      return "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"" + Num(r) + "\"" + style + "/>";
  }
}

std::string Participants(const OpinionMap& map, const Frame& f) {
  std::string out = "<g aria-hidden=\"true\" opacity=\"0.75\">";
  const auto& groups = map.groups;
  for (size_t p = 0; p < map.projection.participant.size(); ++p) {
    int g = groups.group[p];
    out += Mark(g < 0 ? groups.nearest_group[p] : g, f.At(map.projection.participant[p]), 3,
                g < 0 ? kGrey : GroupColour(g));
  }
  return out + "</g>";
}

std::string Centres(const OpinionMap& map, const Frame& f) {
  std::string out = "<g aria-hidden=\"true\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\">";
  for (int g = 0; g < map.groups.k(); ++g) {
    Point c = f.At(map.groups.centre[g]);
    out += "<circle cx=\"" + Num(c.x) + "\" cy=\"" + Num(c.y) + "\" r=\"14\" fill=\"#ffffff\" stroke=\"" +
           GroupColour(g) + "\" stroke-width=\"3\"/>";
    out += "<text x=\"" + Num(c.x) + "\" y=\"" + Num(c.y + 6) + "\" text-anchor=\"middle\" fill=\"#000000\">" +
           GroupLabel(g) + "</text>";
  }
  return out + "</g>";
}

}  // namespace

const char* GroupColour(int g) { return g < 0 ? kGrey : kColours[g % 5]; }
const char* GroupShape(int g) { return g < 0 ? "circle" : kShapes[g % 5]; }

std::string MapSvg(const OpinionMap& map, int viewer, const MapSvgText& text) {
  const Frame f = FrameOf(map);
  const std::string mid = Num(kSize / 2), end = Num(kSize);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wp-opinion-map\" viewBox=\"0 0 " + end + " " +
                    end + "\" role=\"img\" aria-labelledby=\"opinion-map-title opinion-map-desc\">";
  out += "<title id=\"opinion-map-title\">" + HtmlEscape(text.title) + "</title>";
  out += "<desc id=\"opinion-map-desc\">" + HtmlEscape(text.description) + "</desc>";
  out += "<rect width=\"" + end + "\" height=\"" + end + "\" fill=\"#ffffff\" stroke=\"#595959\"/>";
  out += "<path d=\"M0 " + mid + "H" + end + "M" + mid + " 0V" + end + "\" stroke=\"#d0d0d0\" aria-hidden=\"true\"/>";
  out += Participants(map, f) + Centres(map, f);
  if (viewer >= 0 && static_cast<size_t>(viewer) < map.projection.participant.size()) {
    Point c = f.At(map.projection.participant[viewer]);
    out += "<g aria-hidden=\"true\"><circle cx=\"" + Num(c.x) + "\" cy=\"" + Num(c.y) +
           "\" r=\"9\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\"/><text x=\"" + Num(c.x + 12) + "\" y=\"" +
           Num(c.y - 10) + "\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#000000\">" + HtmlEscape(text.you) +
           "</text></g>";
  }
  return out + "</svg>";
}

}  // namespace wp::opinion
