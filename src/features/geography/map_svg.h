// Server-side, accessible, responsive inline SVG maps of districts and
// neighbourhoods; no tiles, no scripts, no inline styles (the site's CSP).
// Colours come from a stylesheet via these classes (all returned in
// RenderedMap::css_classes so a test can check the stylesheet defines them):
//   wp-map                        the <svg>; give it width:100%; height:auto
//   wp-map__link                  an <a> around an area that has a URL
//   wp-map__area                  every area <path>
//   wp-map__area--borough-<N>     N = Borough::index (1-based, name order)
//   wp-map__area--highlighted     area in MapOptions::highlighted (or in the borough)
//   wp-map__area--muted           other areas, when something is highlighted
//   wp-map__labels, wp-map__label the label group (pointer-events="none") and each <text>
//   wp-map__marker                a <circle> of MapOptions::markers (wp-map__marker--<modifier>)
//   wp-map__marker-link           an <a> around a marker that has a URL
// A standalone map (MapOptions::standalone, for <img> or <input type="image">,
// which cannot use the page's stylesheet) carries its colours as attributes.
// Pure: output depends only on the arguments and is byte-for-byte stable.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "features/geography/geography.h"

namespace wp::geography {

// What the map knows about an area when asking for its link.
struct MapArea {
  std::string_view code;  // "WK039201" or "BU03920101"
  std::string_view name;
  std::string_view slug;
};

// A point drawn on top of the areas: a signal on a public map, or the place a
// reporter chose.
struct MapMarker {
  Point at;
  std::string label;     // accessible name, rendered as its <title>
  std::string href;      // URL of its page; empty: no link
  std::string modifier;  // class wp-map__marker--<modifier>; only ASCII letters, digits and '-' are kept
};

// Where positions land on a rendered map: the part of the world shown and the
// map's size in SVG user units (equal to CSS pixels for a standalone map shown
// at its own width and height).
class MapFrame {
 public:
  MapFrame() = default;
  // The frame of a map of `view` that is `width` units wide (height from the
  // view's aspect ratio; the same projection every map here uses).
  MapFrame(const BoundingBox& view, int width);
  int width() const { return width_; }
  int height() const { return height_; }
  const BoundingBox& view() const { return view_; }
  // Map coordinates (origin top left) of a position.
  std::pair<double, double> ToMap(Point p) const;
  // The position at map coordinates (x, y), e.g. where a map was clicked.
  Point ToPoint(double x, double y) const;

 private:
  static constexpr double kMargin = 4;
  BoundingBox view_;
  int width_ = 0, height_ = 0;
  double kx_ = 1, scale_ = 1;
};

struct MapOptions {
  // Accessible name of the map, rendered as its <title>. Default: empty, which
  // renders the name of the municipality, borough or district shown.
  std::string title;
  // Optional longer description, rendered as <desc>. Default: none.
  std::string description;
  // Prefix for the ids of <title> and <desc>; must be unique on the page. Only
  // ASCII letters, digits, '-' and '_' are kept. Default "wp-map".
  std::string id_prefix = "wp-map";
  // URL of an area's page; an empty string renders the area without a link.
  // The URL is XML-escaped, not otherwise checked. Default: no links.
  std::function<std::string(const MapArea&)> link_for;
  // Codes of areas to highlight; when non-empty, the other areas are muted.
  std::set<std::string, std::less<>> highlighted;
  // Fit the view to the highlighted areas (plus a quarter of their extent as
  // context on each side) instead of all areas; areas wholly outside the view
  // are left out. Default false.
  bool fit_to_highlighted = false;
  // Draw each area's name at a point inside it (aria-hidden: the links and
  // titles already carry the names). Default false.
  bool show_labels = false;
  // Width of the viewBox in SVG user units; the height follows from the
  // shapes' aspect ratio. Clamped to [100, 4000]. Default 600.
  int width = 600;
  // Markers drawn on top, in order. Default: none.
  std::vector<MapMarker> markers;
  // Show exactly this part of the world (e.g. zoomed in around a point)
  // instead of fitting the areas. Default: none.
  std::optional<BoundingBox> view;
  // A document for use as an image: width and height attributes, colours as
  // presentation attributes, no links. Default false.
  bool standalone = false;
};

struct RenderedMap {
  std::string svg;                       // one <svg> element, no XML declaration
  std::vector<std::string> css_classes;  // every class used, sorted, each once
  MapFrame frame;                        // where positions land on it
};

// All districts of `m`, coloured per borough.
RenderedMap RenderDistrictMap(const Municipality& m, const MapOptions& options);

// All districts, with those of the borough `borough_slug` highlighted (added
// to options.highlighted). Returns kNotFound for an unknown borough.
Result<RenderedMap> RenderBoroughMap(const Municipality& m, std::string_view borough_slug, const MapOptions& options);

// The neighbourhoods of one district. Returns kNotFound for an unknown district.
Result<RenderedMap> RenderNeighbourhoodMap(const Municipality& m, const DistrictCode& district,
                                           const MapOptions& options);

// `base` (rendered without markers) with options.markers drawn on top, the
// same as rendering it with them: for a map kept in a RenderedMapCache whose
// markers change per request. `options` must match base's apart from the
// markers (standalone or not).
RenderedMap WithMarkers(const RenderedMap& base, const MapOptions& options);

// All neighbourhoods of `m`, e.g. to show a platform's area (its buurten in
// options.highlighted, perhaps with fit_to_highlighted).
RenderedMap RenderAllNeighbourhoodsMap(const Municipality& m, const MapOptions& options);

}  // namespace wp::geography
