#include "features/geography/area_pages.h"

#include "core/i18n/catalog.h"
#include "core/web/components.h"
#include "features/geography/permissions.h"

namespace wp::geography {

namespace {

using nlohmann::json;
using web::Context;

std::string Count(const Context& ctx, const std::optional<int64_t>& v) {
  return v ? i18n::FormatInteger(*v, ctx.locale) : "";
}
std::string Number(const Context& ctx, int64_t n) { return i18n::FormatInteger(n, ctx.locale); }
std::string Whole(const Context& ctx, const std::optional<double>& v) {
  return v ? i18n::FormatDecimal(*v, 0, ctx.locale) : "";
}

std::string DistrictPage(const MapArea& a) { return "/wijk/" + std::string(a.code); }
std::string BoroughPage(const Borough& b) { return "/stadsdeel/" + b.slug; }

// Figures of a wijk that CBS gives; a figure CBS leaves out is not shown.
json DistrictFigures(const Context& ctx, const Figures& f) {
  std::vector<web::SummaryRow> rows = {{ctx.T("geography.figures.population"), Count(ctx, f.population), ""}};
  if (f.men && f.women) {
    rows.push_back({ctx.T("geography.figures.men_women"), Count(ctx, f.men) + " / " + Count(ctx, f.women), ""});
  }
  if (f.dwellings) rows.push_back({ctx.T("geography.figures.dwellings"), Count(ctx, f.dwellings), ""});
  if (f.area_land_ha) {
    rows.push_back({ctx.T("geography.figures.area_land"),
                    ctx.T("geography.figures.area_land_value", {{"hectares", Whole(ctx, f.area_land_ha)}}), ""});
  }
  if (f.density_per_km2_land) {
    rows.push_back({ctx.T("geography.figures.density"), Whole(ctx, f.density_per_km2_land), ""});
  }
  rows.push_back({ctx.T("geography.figures.source"), ctx.T("geography.figures.source_value"), ""});
  return web::SummaryList(rows);
}

// The stadsdeel's contact section: the published contact or what to do
// without one, and the edit link for those who may change it.
void AddContact(const Context& ctx, const Borough& b, const std::optional<BoroughContact>& contact, json& data) {
  if (contact) {
    std::vector<web::SummaryRow> rows = {
        {ctx.T("geography.contact.name"), contact->contact_name, ""},
        {ctx.T("geography.contact.email"), contact->email, "mailto:" + contact->email}};
    if (!contact->phone.empty()) {
      rows.push_back({ctx.T("geography.contact.phone"), contact->phone, "tel:" + contact->phone});
    }
    data["contact"] = web::SummaryList(rows);
    data["contact_note"] = contact->note;
  } else {
    data["no_contact"] = web::EmptyState(ctx.T("geography.contact.none"));
  }
  if (ctx.user && Can(*ctx.user, GeoAction::kEditBoroughContact, b.slug)) {
    data["edit_contact"] = web::ActionLink(ctx.T("geography.contact.edit"), BoroughPage(b) + "/contact");
  }
}

}  // namespace

std::string AreaPages::CachedMap(const Context& ctx, const std::shared_ptr<const Municipality>& m,
                                 const std::string& key, const std::function<std::string()>& render) {
  return *maps_.Get(m, key + "/" + ctx.locale, render);
}

Result<http::Response> AreaPages::Home(Context& ctx) {
  auto m = geography_.current();
  const std::string& city = web_.options().municipality_name;
  json data;
  if (!m->districts.empty()) {
    data["map_html"] = CachedMap(ctx, m, "home", [&] {
      MapOptions opts;
      opts.title = ctx.T("geography.map.title", {{"municipality_name", city}});
      opts.description = ctx.T("geography.map.description", {{"municipality_name", city}});
      opts.id_prefix = "stadskaart";
      opts.link_for = DistrictPage;
      return RenderDistrictMap(*m, opts).svg;
    });
  }
  json boroughs = json::array();
  for (const auto& b : m->boroughs) {
    json districts = json::array();
    for (const District* d : DistrictsOfBorough(*m, b.name)) {
      districts.push_back({{"code", d->code.str()}, {"name", d->name}});
    }
    boroughs.push_back({{"name", b.name}, {"slug", b.slug}, {"index", b.index}, {"districts", districts}});
  }
  data["boroughs"] = boroughs;
  if (m->boroughs.empty()) data["empty"] = web::EmptyState(ctx.T("geography.home.no_data"));
  return web_.Render(ctx, "geography/home.html", "geography.home.title", data);
}

Result<http::Response> AreaPages::ShowBorough(Context& ctx) {
  auto m = geography_.current();
  const Borough* b = FindBoroughBySlug(*m, ctx.Param("slug"));
  if (!b) return NotFound("no such stadsdeel");
  WP_ASSIGN_OR_RETURN(std::optional<BoroughContact> contact, commands_.Contact(b->slug));
  const std::string& city = web_.options().municipality_name;
  json data;
  data["map_html"] = CachedMap(ctx, m, "stadsdeel/" + b->slug, [&] {
    MapOptions opts;
    opts.title = ctx.T("geography.map.borough_title", {{"name", b->name}});
    opts.description = ctx.T("geography.map.borough_description", {{"name", b->name}, {"municipality_name", city}});
    opts.id_prefix = "stadsdeelkaart";
    opts.link_for = DistrictPage;
    auto map = RenderBoroughMap(*m, b->slug, opts);
    return map.has_value() ? map->svg : std::string();
  });
  data["borough"] = {{"name", b->name}, {"slug", b->slug}};
  data["figures"] =
      web::SummaryList({{ctx.T("geography.figures.population"), Count(ctx, b->figures.population), ""},
                        {ctx.T("geography.figures.districts"), Number(ctx, b->district_count), ""},
                        {ctx.T("geography.figures.neighbourhoods"), Number(ctx, b->neighbourhood_count), ""}});
  AddContact(ctx, *b, contact, data);
  std::vector<std::vector<web::Cell>> rows;
  for (const District* d : DistrictsOfBorough(*m, b->name)) {
    rows.push_back({{d->name, "/wijk/" + d->code.str()},
                    {Count(ctx, d->figures.population), "", true},
                    {Number(ctx, static_cast<int64_t>(NeighbourhoodsOfDistrict(*m, d->code).size())), "", true}});
  }
  data["districts"] = web::Table(ctx.T("geography.borough.districts_caption"),
                                 {ctx.T("geography.district.name"), ctx.T("geography.figures.population"),
                                  ctx.T("geography.figures.neighbourhoods")},
                                 rows);
  data["breadcrumb"] = web::Breadcrumb({{city, "/"}, {b->name, BoroughPage(*b)}});
  data["title"] = ctx.T("geography.borough.title", {{"name", b->name}});
  return web_.Render(ctx, "geography/borough.html", "", data);
}

Result<http::Response> AreaPages::ShowDistrict(Context& ctx) {
  auto m = geography_.current();
  auto code = DistrictCode::Parse(ctx.Param("code"));
  const District* d = code ? FindDistrict(*m, *code) : FindDistrictBySlug(*m, ctx.Param("code"));
  if (!d) return NotFound("no such wijk");
  const Borough* b = FindBorough(*m, d->borough);
  auto neighbourhoods = NeighbourhoodsOfDistrict(*m, d->code);
  json data;
  data["map_html"] = CachedMap(ctx, m, "wijk/" + d->code.str(), [&] {
    MapOptions opts;
    opts.title = ctx.T("geography.map.district_title", {{"name", d->name}});
    opts.description = ctx.T("geography.map.district_description", {{"name", d->name}});
    opts.id_prefix = "wijkkaart";
    opts.show_labels = true;
    opts.link_for = [](const MapArea& a) { return "#" + std::string(a.code); };  // the buurt's row in the table
    auto map = RenderNeighbourhoodMap(*m, d->code, opts);
    return map.has_value() ? map->svg : std::string();
  });
  data["district"] = {{"code", d->code.str()},
                      {"name", d->name},
                      {"borough", d->borough},
                      {"neighbourhood_count", neighbourhoods.size()}};
  data["figures"] = DistrictFigures(ctx, d->figures);
  std::vector<std::vector<web::Cell>> rows;
  for (const Neighbourhood* n : neighbourhoods) {
    rows.push_back({{.text = n->name, .id = n->code.str()},
                    {.text = n->code.str()},
                    {.text = Count(ctx, n->figures.population), .numeric = true}});
  }
  data["neighbourhoods"] = web::Table(ctx.T("geography.district.neighbourhoods_caption"),
                                      {ctx.T("geography.neighbourhood.name"), ctx.T("geography.neighbourhood.code"),
                                       ctx.T("geography.figures.population")},
                                      rows);
  data["sections_html"] = geography_.RenderDistrictSections(d->code.str(), ctx.locale);
  std::vector<web::Crumb> trail = {{web_.options().municipality_name, "/"}};
  if (b) trail.push_back({b->name, BoroughPage(*b)});
  trail.push_back({d->name, "/wijk/" + d->code.str()});
  data["breadcrumb"] = web::Breadcrumb(trail);
  data["title"] = ctx.T("geography.district.title", {{"name", d->name}});
  return web_.Render(ctx, "geography/district.html", "", data);
}

}  // namespace wp::geography
