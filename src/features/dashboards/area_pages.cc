#include "features/dashboards/area_pages.h"

#include <algorithm>
#include <charconv>

#include "core/web/components.h"
#include "features/dashboards/figures_view.h"

namespace wp::dashboards {

namespace {

using nlohmann::json;
using web::Context;

std::string YearSuffix(int year, int default_year) {
  return year == default_year ? "" : "?jaar=" + std::to_string(year);
}

geography::Figures SumOf(const std::vector<geography::Borough>& boroughs) {
  geography::Figures sum;
  auto add = [](std::optional<int64_t>& to, const std::optional<int64_t>& v, bool first) {
    if (first) {
      to = v;
    } else if (to && v) {
      *to += *v;
    } else {
      to.reset();
    }
  };
  bool first = true;
  for (const auto& b : boroughs) {
    add(sum.population, b.figures.population, first);
    add(sum.men, b.figures.men, first);
    add(sum.women, b.figures.women, first);
    add(sum.dwellings, b.figures.dwellings, first);
    first = false;
  }
  return sum;
}

struct AreaPage {
  AreaRef self;
  std::vector<AreaRef> children;
  bool children_are_buurten = false;
  std::vector<web::Crumb> crumbs;
  std::string children_heading_key;
};

http::Response Show(const web::Web& web, Context& ctx, const DashboardFigures& figures, const YearFigures& f,
                    const AreaPage& page) {
  int newest = figures.DefaultYear();
  std::string query = YearSuffix(f.year, newest);
  json links = json::array();
  for (const auto& c : page.children) {
    if (!c.href.empty()) links.push_back({{"name", c.name}, {"href", c.href + query}});
  }
  json turnout = TurnoutSections(ctx, f, page.self, page.children);
  json data = {{"title", ctx.T("dashboards.area.title", {{"area", page.self.name}})},
               {"action", page.self.href},
               {"year", f.year},
               {"years", YearOptions(f.year, std::max(newest, f.year))},
               {"no_quarters", f.quarters == 0},
               {"running", !f.year_ended},
               {"population", PopulationFacts(ctx, page.self)},
               {"measures", MeasureSections(ctx, f, page.self, page.children, page.children_are_buurten)},
               {"topics", TopicsTable(ctx, f, page.self)},
               {"turnout", turnout},
               {"has_turnout", !turnout.empty()},
               {"children_heading", page.children_heading_key.empty() ? "" : ctx.T(page.children_heading_key)},
               {"links", links},
               {"outcomes_href", "/cijfers/uitkomsten" + query},
               {"breadcrumb", page.crumbs.empty() ? json(nullptr) : web::Breadcrumb(page.crumbs)}};
  return web.Render(ctx, "dashboards/area.html", "dashboards.nav", data);
}

}  // namespace

Result<int> YearParam(const Context& ctx, const DashboardFigures& figures) {
  return YearQuery(ctx, "jaar", figures.DefaultYear());
}

Result<int> YearQuery(const Context& ctx, std::string_view name, int fallback) {
  auto q = ctx.Query(name);
  if (!q || q->empty()) return fallback;
  int year = 0;
  auto [end, ec] = std::from_chars(q->data(), q->data() + q->size(), year);
  if (ec != std::errc() || end != q->data() + q->size()) return NotFound("bad year", "dashboards.error.no_year");
  return year;
}

Result<http::Response> AreaPages::City(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int year, YearParam(ctx, figures_));
  WP_ASSIGN_OR_RETURN(auto f, figures_.Year(year));
  auto m = figures_.municipality();
  AreaPage page;
  page.self = {std::string(kCityKey), m->name, "/cijfers", SumOf(m->boroughs)};
  for (const auto& b : m->boroughs) {
    page.children.push_back({BoroughKey(b.slug), b.name, "/cijfers/stadsdeel/" + b.slug, b.figures});
  }
  page.children_heading_key = "dashboards.area.boroughs";
  return Show(web_, ctx, figures_, *f, page);
}

Result<http::Response> AreaPages::Borough(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int year, YearParam(ctx, figures_));
  auto m = figures_.municipality();
  const geography::Borough* b = geography::FindBoroughBySlug(*m, ctx.Param("slug"));
  if (!b) return NotFound("no such stadsdeel", "dashboards.error.no_area");
  WP_ASSIGN_OR_RETURN(auto f, figures_.Year(year));
  AreaPage page;
  page.self = {BoroughKey(b->slug), b->name, "/cijfers/stadsdeel/" + b->slug, b->figures};
  for (const auto* d : geography::DistrictsOfBorough(*m, b->name)) {
    page.children.push_back({d->code.str(), d->name, "/cijfers/wijk/" + d->slug, d->figures});
  }
  page.children_heading_key = "dashboards.area.districts";
  page.crumbs = {{ctx.T("dashboards.nav"), "/cijfers"}, {b->name, ""}};
  return Show(web_, ctx, figures_, *f, page);
}

Result<http::Response> AreaPages::District(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int year, YearParam(ctx, figures_));
  auto m = figures_.municipality();
  const geography::District* d = geography::FindDistrictBySlug(*m, ctx.Param("slug"));
  if (!d) return NotFound("no such wijk", "dashboards.error.no_area");
  WP_ASSIGN_OR_RETURN(auto f, figures_.Year(year));
  const geography::Borough* b = geography::FindBorough(*m, d->borough);
  AreaPage page;
  page.self = {d->code.str(), d->name, "/cijfers/wijk/" + d->slug, d->figures};
  for (const auto* n : geography::NeighbourhoodsOfDistrict(*m, d->code)) {
    page.children.push_back({n->code.str(), n->name, "", std::nullopt});
  }
  page.children_are_buurten = true;
  page.crumbs = {{ctx.T("dashboards.nav"), "/cijfers"}};
  if (b) page.crumbs.push_back({b->name, "/cijfers/stadsdeel/" + b->slug});
  page.crumbs.push_back({d->name, ""});
  return Show(web_, ctx, figures_, *f, page);
}

}  // namespace wp::dashboards
