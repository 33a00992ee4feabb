#include "features/geography/map_svg.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <regex>

#include "core/strings.h"
#include "features/geography/cbs_import.h"
#include "features/geography/haarlem_fixture_test.h"
#include "testing/temp_dir.h"

namespace wp::geography {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// A small XML well-formedness check, enough for our SVG: tags balance, one
// root, attribute values are quoted, '&' starts a known entity, no '<' in
// text or attribute values. Returns "" when fine, else the first problem.
std::string WellFormedProblem(std::string_view x) {
  auto entity_at = [&](size_t i) {
    for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
      if (x.substr(i, e.size()) == e) return true;
    }
    return false;
  };
  auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
  };
  std::vector<std::string> stack;
  int roots = 0;
  size_t i = 0;
  while (i < x.size()) {
    char c = x[i];
    if (c == '&') {
      if (!entity_at(i)) return "bare & at " + std::to_string(i);
      ++i;
    } else if (c != '<') {
      if (stack.empty() && !std::isspace(static_cast<unsigned char>(c))) return "text outside the root";
      ++i;
    } else if (x.substr(i, 2) == "</") {
      size_t end = x.find('>', i);
      if (end == std::string_view::npos) return "unclosed end tag";
      std::string name(x.substr(i + 2, end - i - 2));
      if (stack.empty() || stack.back() != name) return "mismatched </" + name + ">";
      stack.pop_back();
      i = end + 1;
    } else {
      size_t j = i + 1;
      while (j < x.size() && is_name_char(x[j])) ++j;
      std::string name(x.substr(i + 1, j - i - 1));
      if (name.empty()) return "raw < at " + std::to_string(i);
      for (;;) {
        while (j < x.size() && x[j] == ' ') ++j;
        if (j >= x.size()) return "unclosed tag " + name;
        if (x.substr(j, 2) == "/>") {
          j += 2;
          if (stack.empty()) ++roots;
          break;
        }
        if (x[j] == '>') {
          if (stack.empty()) ++roots;
          stack.push_back(name);
          ++j;
          break;
        }
        size_t k = j;
        while (k < x.size() && is_name_char(x[k])) ++k;
        if (k == j || x.substr(k, 2) != "=\"") return "bad attribute in " + name;
        size_t close = x.find('"', k + 2);
        if (close == std::string_view::npos) return "unclosed attribute in " + name;
        for (size_t v = k + 2; v < close; ++v) {
          if (x[v] == '<') return "< in attribute of " + name;
          if (x[v] == '&' && !entity_at(v)) return "bare & in attribute of " + name;
        }
        j = close + 1;
      }
      i = j;
    }
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  if (roots != 1) return "expected one root element, found " + std::to_string(roots);
  return "";
}

int Count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST(WellFormedCheckTest, CatchesBrokenXml) {
  EXPECT_EQ(WellFormedProblem("<svg><a href=\"x\"><title>t</title></a></svg>"), "");
  EXPECT_NE(WellFormedProblem("<svg><a></svg>"), "");
  EXPECT_NE(WellFormedProblem("<svg><title><script></title></svg>"), "");
  EXPECT_NE(WellFormedProblem("<svg>&</svg>"), "");
  EXPECT_NE(WellFormedProblem("<svg a=\"<\"/>"), "");
  EXPECT_NE(WellFormedProblem("<svg/><svg/>"), "");
}

MapOptions WithLinks() {
  MapOptions o;
  o.title = "Wijken van Haarlem";
  o.link_for = [](const MapArea& a) { return "/wijken/" + std::string(a.slug); };
  return o;
}

TEST(DistrictMapTest, OneLinkedNamedAreaPerDistrict) {
  ASSERT_HAARLEM_LOADED();
  RenderedMap map = RenderDistrictMap(*Haarlem(), WithLinks());
  EXPECT_EQ(WellFormedProblem(map.svg), "");
  EXPECT_EQ(Count(map.svg, "<a "), 21);
  EXPECT_EQ(Count(map.svg, "<path "), 21);
  EXPECT_EQ(Count(map.svg, "<title"), 22);  // the map's own plus one per area
  EXPECT_THAT(map.svg, HasSubstr("<a class=\"wp-map__link\" href=\"/wijken/oude-stad\"><title>Oude Stad</title>"));
  EXPECT_THAT(map.svg, HasSubstr("data-code=\"WK039201\""));
  EXPECT_THAT(map.svg, HasSubstr("role=\"group\" aria-labelledby=\"wp-map-title\""));
  EXPECT_THAT(map.svg, HasSubstr("<title id=\"wp-map-title\">Wijken van Haarlem</title>"));
  EXPECT_THAT(map.svg, Not(HasSubstr("style")));
  EXPECT_THAT(map.svg, Not(HasSubstr("<script")));
  EXPECT_LT(map.svg.size(), 20000u);
  for (int i = 1; i <= 5; ++i) EXPECT_THAT(map.css_classes, Contains("wp-map__area--borough-" + std::to_string(i)));
  EXPECT_THAT(map.css_classes, Contains("wp-map__link"));
  EXPECT_TRUE(std::is_sorted(map.css_classes.begin(), map.css_classes.end()));
  // Every class in the output is listed.
  std::regex class_attr("class=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(map.svg.begin(), map.svg.end(), class_attr); it != std::sregex_iterator(); ++it) {
    std::string attr = (*it)[1].str();
    for (std::string_view cls : Split(attr, ' ')) {
      EXPECT_THAT(map.css_classes, Contains(std::string(cls)));
    }
  }
}

TEST(DistrictMapTest, IsDeterministicAndCompact) {
  ASSERT_HAARLEM_LOADED();
  std::string a = RenderDistrictMap(*Haarlem(), WithLinks()).svg;
  std::string b = RenderDistrictMap(*Haarlem(), WithLinks()).svg;
  EXPECT_EQ(a, b);
  std::regex path_data(" d=\"([^\"]*)\"");
  int paths = 0;
  for (auto it = std::sregex_iterator(a.begin(), a.end(), path_data); it != std::sregex_iterator(); ++it, ++paths) {
    std::string d = (*it)[1].str();
    EXPECT_FALSE(std::regex_search(d, std::regex("\\.[0-9][0-9]"))) << "more than one decimal: " << d;
    // No point repeats the one before it.
    std::regex point("([0-9.-]+) ([0-9.-]+)");
    std::string prev;
    for (auto p = std::sregex_iterator(d.begin(), d.end(), point); p != std::sregex_iterator(); ++p) {
      EXPECT_NE(p->str(), prev) << d;
      prev = p->str();
    }
  }
  EXPECT_EQ(paths, 21);
}

TEST(DistrictMapTest, WithoutLinksIsAnImage) {
  ASSERT_HAARLEM_LOADED();
  MapOptions o;
  RenderedMap map = RenderDistrictMap(*Haarlem(), o);
  EXPECT_EQ(WellFormedProblem(map.svg), "");
  EXPECT_THAT(map.svg, HasSubstr("role=\"img\""));
  EXPECT_THAT(map.svg, HasSubstr("<title id=\"wp-map-title\">Haarlem</title>"));
  EXPECT_EQ(Count(map.svg, "<a "), 0);
  EXPECT_EQ(Count(map.svg, "<g><title>"), 21);
}

TEST(DistrictMapTest, LabelsAndDescription) {
  ASSERT_HAARLEM_LOADED();
  MapOptions o = WithLinks();
  o.show_labels = true;
  o.description = "Klik op een wijk.";
  o.id_prefix = "kaart 1\"><x";
  RenderedMap map = RenderDistrictMap(*Haarlem(), o);
  EXPECT_EQ(WellFormedProblem(map.svg), "");
  EXPECT_EQ(Count(map.svg, "<text "), 21);
  EXPECT_THAT(map.svg, HasSubstr("<g class=\"wp-map__labels\" aria-hidden=\"true\" pointer-events=\"none\">"));
  EXPECT_THAT(map.svg, HasSubstr("aria-labelledby=\"kaart1x-title kaart1x-desc\""));
  EXPECT_THAT(map.svg, HasSubstr("<desc id=\"kaart1x-desc\">Klik op een wijk.</desc>"));
  EXPECT_THAT(map.css_classes, Contains("wp-map__label"));
}

TEST(BoroughMapTest, HighlightsTheBoroughsDistricts) {
  ASSERT_HAARLEM_LOADED();
  auto map = RenderBoroughMap(*Haarlem(), "schalkwijk", WithLinks());
  ASSERT_TRUE(map.has_value()) << map.error().detail;
  EXPECT_EQ(WellFormedProblem(map->svg), "");
  EXPECT_EQ(Count(map->svg, "wp-map__area--highlighted"), 4);
  EXPECT_EQ(Count(map->svg, "wp-map__area--muted"), 17);
  EXPECT_THAT(map->css_classes, Contains("wp-map__area--highlighted"));
  EXPECT_THAT(map->css_classes, Contains("wp-map__area--muted"));
  auto missing = RenderBoroughMap(*Haarlem(), "atlantis", WithLinks());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(NeighbourhoodMapTest, ShowsTheNeighbourhoodsOfOneDistrict) {
  ASSERT_HAARLEM_LOADED();
  MapOptions o = WithLinks();
  o.title = "";
  auto map = RenderNeighbourhoodMap(*Haarlem(), *DistrictCode::Parse("WK039201"), o);
  ASSERT_TRUE(map.has_value()) << map.error().detail;
  EXPECT_EQ(WellFormedProblem(map->svg), "");
  EXPECT_EQ(Count(map->svg, "<a "), 6);
  EXPECT_THAT(map->svg, HasSubstr("<title id=\"wp-map-title\">Oude Stad</title>"));
  EXPECT_THAT(map->svg, HasSubstr("<title>Stationsbuurt</title>"));
  auto missing = RenderNeighbourhoodMap(*Haarlem(), *DistrictCode::Parse("WK039299"), o);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(NeighbourhoodMapTest, FitsToAHighlightedPlatformArea) {
  ASSERT_HAARLEM_LOADED();
  MapOptions o = WithLinks();
  o.highlighted = {"BU03920204", "BU03920205"};  // Rozenprieel
  RenderedMap whole = RenderAllNeighbourhoodsMap(*Haarlem(), o);
  EXPECT_EQ(Count(whole.svg, "<path "), 111);
  EXPECT_EQ(Count(whole.svg, "wp-map__area--highlighted"), 2);
  o.fit_to_highlighted = true;
  o.show_labels = true;
  RenderedMap fitted = RenderAllNeighbourhoodsMap(*Haarlem(), o);
  EXPECT_EQ(WellFormedProblem(fitted.svg), "");
  EXPECT_THAT(fitted.svg, HasSubstr(">Rozenprieel-noord</text>"));
  EXPECT_LT(Count(fitted.svg, "<text "), Count(fitted.svg, "<path "));  // no labels outside the view
  EXPECT_EQ(Count(fitted.svg, "wp-map__area--highlighted"), 2);
  EXPECT_LT(Count(fitted.svg, "<path "), 111);
  EXPECT_GT(Count(fitted.svg, "<path "), 2);  // neighbours stay as context
}

// A hand-made municipality whose names try to break out of the markup.
Municipality Hostile() {
  const std::string evil = "<script>alert(\"x\")</script>&'";
  Municipality m;
  m.code = *MunicipalityCode::Parse("GM9999");
  m.name = evil;
  m.boroughs = {Borough{evil, "evil", 1}};
  District d;
  d.code = *DistrictCode::Parse("WK999901");
  d.name = evil;
  d.slug = "evil";
  d.borough = evil;
  d.shape = {Polygon{Ring{{4.6, 52.3}, {4.61, 52.3}, {4.61, 52.31}, {4.6, 52.31}, {4.6, 52.3}}, {}}};
  m.districts.push_back(d);
  Neighbourhood n;
  n.code = *NeighbourhoodCode::Parse("BU99990101");
  n.name = evil + "\x01";
  n.district_code = d.code;
  n.borough = evil;
  n.shape = d.shape;
  m.neighbourhoods.push_back(n);
  return m;
}

TEST(MapFrameTest, ClickPositionsRoundTrip) {
  ASSERT_HAARLEM_LOADED();
  RenderedMap map = RenderDistrictMap(*Haarlem(), MapOptions{});
  const MapFrame& f = map.frame;
  EXPECT_EQ(f.width(), 600);
  EXPECT_THAT(map.svg, HasSubstr("viewBox=\"0 0 600 " + std::to_string(f.height()) + "\""));
  Point grote_markt{4.6367, 52.3812};
  auto [x, y] = f.ToMap(grote_markt);
  Point back = f.ToPoint(x, y);
  EXPECT_NEAR(back.lon, grote_markt.lon, 1e-9);
  EXPECT_NEAR(back.lat, grote_markt.lat, 1e-9);
  // The top left corner of the drawing is the view's north-west corner.
  Point nw = f.ToPoint(4, 4);
  EXPECT_NEAR(nw.lon, f.view().min_lon, 1e-9);
  EXPECT_NEAR(nw.lat, f.view().max_lat, 1e-9);
  const District* d = FindDistrictAt(*Haarlem(), back.lon, back.lat);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->code.str(), "WK039201") << "the Grote Markt lies in the Oude Stad";
}

TEST(MapMarkerTest, MarkersLinkAndCarryTheirNames) {
  ASSERT_HAARLEM_LOADED();
  MapOptions o;
  o.markers = {{Point{4.6367, 52.3812}, "Losse tegel <M-1>", "/meldingen/1", "open"},
               {Point{4.64, 52.38}, "Zonder link", "", "closed done"},
               {Point{10.0, 50.0}, "Buiten beeld", "/meldingen/3", "open"}};
  auto map = RenderNeighbourhoodMap(*Haarlem(), *DistrictCode::Parse("WK039201"), o);
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(WellFormedProblem(map->svg), "");
  EXPECT_THAT(map->svg,
              HasSubstr("<a class=\"wp-map__marker-link\" href=\"/meldingen/1\"><title>Losse tegel &lt;M-1&gt;</title>"
                        "<circle class=\"wp-map__marker wp-map__marker--open\" r=\"5\""));
  EXPECT_THAT(map->svg, HasSubstr("wp-map__marker--closeddone")) << "unsafe class characters dropped";
  EXPECT_THAT(map->svg, Not(HasSubstr("Buiten beeld"))) << "markers outside the view are left out";
  EXPECT_THAT(map->css_classes, Contains("wp-map__marker--open"));
  EXPECT_THAT(map->svg, HasSubstr("role=\"group\"")) << "links inside: a group";
}

// A kept map with markers added afterwards is the map rendered with them,
// whether the markers link (a group) or not (still an image), standalone too.
TEST(MapMarkerTest, MarkersAddedToAKeptMapEqualMarkersRenderedWithIt) {
  ASSERT_HAARLEM_LOADED();
  std::vector<std::vector<MapMarker>> cases = {
      {{Point{4.6367, 52.3812}, "Losse tegel <M-1>", "/meldingen/1", "open"},
       {Point{10.0, 50.0}, "Buiten beeld", "/meldingen/3", "open"}},
      {{Point{4.64, 52.38}, "Zonder link", "", "closed done"}},
      {}};
  for (bool standalone : {false, true}) {
    for (const auto& markers : cases) {
      MapOptions plain;
      plain.title = "Meldingen in de wijk";
      plain.standalone = standalone;
      auto base = RenderNeighbourhoodMap(*Haarlem(), *DistrictCode::Parse("WK039201"), plain);
      ASSERT_TRUE(base.has_value());
      MapOptions with = plain;
      with.markers = markers;
      auto whole = RenderNeighbourhoodMap(*Haarlem(), *DistrictCode::Parse("WK039201"), with);
      RenderedMap added = WithMarkers(*base, with);
      EXPECT_EQ(added.svg, whole->svg) << "standalone " << standalone << ", " << markers.size() << " markers";
      EXPECT_EQ(added.css_classes, whole->css_classes);
    }
  }
}

TEST(MapMarkerTest, StandaloneMapIsAnImageWithItsOwnColoursAndAView) {
  ASSERT_HAARLEM_LOADED();
  MapOptions o;
  o.standalone = true;
  o.show_labels = true;
  o.link_for = [](const MapArea& a) { return "/wijk/" + std::string(a.code); };
  o.markers = {{Point{4.6367, 52.3812}, "Gekozen plek", "/ergens", "chosen"}};
  BoundingBox zoom;
  zoom.Extend(Point{4.62, 52.37});
  zoom.Extend(Point{4.65, 52.39});
  o.view = zoom;
  RenderedMap map = RenderAllNeighbourhoodsMap(*Haarlem(), o);
  EXPECT_EQ(WellFormedProblem(map.svg), "");
  EXPECT_THAT(map.svg, HasSubstr("width=\"600\" height=\"" + std::to_string(map.frame.height()) + "\""));
  EXPECT_THAT(map.svg, Not(HasSubstr("class=")));
  EXPECT_THAT(map.svg, Not(HasSubstr("<a ")));
  EXPECT_THAT(map.svg, HasSubstr("fill=\"#c8102e\"")) << "the marker";
  EXPECT_THAT(map.svg, HasSubstr("role=\"img\""));
  EXPECT_TRUE(map.css_classes.empty());
  EXPECT_NEAR(map.frame.view().min_lon, 4.62, 1e-12) << "the view is used as given";
  // Fewer buurten than the whole city: those outside the view are left out.
  RenderedMap all = RenderAllNeighbourhoodsMap(*Haarlem(), MapOptions{});
  EXPECT_LT(map.svg.size(), all.svg.size());
}

TEST(MapEscapingTest, EscapesHostileNamesTitlesAndUrls) {
  Municipality m = Hostile();
  MapOptions o;
  o.title = "<b>\"kaart\"</b>";
  o.description = "a & b";
  o.show_labels = true;
  o.link_for = [](const MapArea&) { return std::string("/x?a=1&b=\"2\"><script>"); };
  for (const std::string& svg :
       {RenderDistrictMap(m, o).svg, RenderNeighbourhoodMap(m, *DistrictCode::Parse("WK999901"), o)->svg}) {
    EXPECT_EQ(WellFormedProblem(svg), "") << svg;
    EXPECT_THAT(svg, Not(HasSubstr("<script")));
    EXPECT_THAT(svg, Not(HasSubstr("<b>")));
    EXPECT_THAT(svg, Not(HasSubstr("\x01")));
    EXPECT_THAT(svg, HasSubstr("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"));
    EXPECT_THAT(svg, HasSubstr("href=\"/x?a=1&amp;b=&quot;2&quot;&gt;&lt;script&gt;\""));
    EXPECT_THAT(svg, HasSubstr("&lt;b&gt;&quot;kaart&quot;&lt;/b&gt;"));
  }
}

TEST(MapEscapingTest, EmptyMunicipalityStillRendersAValidSvg) {
  Municipality m;
  m.name = "Leeg";
  RenderedMap map = RenderDistrictMap(m, MapOptions{});
  EXPECT_EQ(WellFormedProblem(map.svg), "");
  EXPECT_EQ(Count(map.svg, "<path "), 0);
  EXPECT_EQ(map.css_classes, std::vector<std::string>{"wp-map"});
}

}  // namespace
}  // namespace wp::geography
