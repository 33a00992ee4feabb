#include "features/geography/pages.h"

#include "core/i18n/catalog.h"
#include "core/strings.h"
#include "core/web/forms.h"
#include "features/geography/map_svg.h"
#include "features/geography/permissions.h"

namespace wp::geography {

namespace {

using nlohmann::json;
using web::Context;

std::string Count(const std::optional<int64_t>& v, const Context& ctx) {
  return v ? i18n::FormatInteger(*v, ctx.locale) : "";
}

bool IsPhone(const std::string& s) {
  for (char c : s) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')')) {
      return false;
    }
  }
  return s.size() <= 30;
}

}  // namespace

void AddGeographyRoutes(http::Router& router, const web::Web& web, GeographyService& service) {
  router.Get("/", web.Page([&web, &service](http::Request&, Context& ctx) {
    auto m = service.current();
    MapOptions opts;
    opts.title = ctx.T("geography.map.title", {{"municipality_name", web.options().municipality_name}});
    opts.description = ctx.T("geography.map.description", {{"municipality_name", web.options().municipality_name}});
    opts.id_prefix = "stadskaart";
    opts.link_for = [](const MapArea& a) { return "/wijk/" + std::string(a.code); };
    json data;
    data["map_html"] = m->districts.empty() ? "" : RenderDistrictMap(*m, opts).svg;
    json boroughs = json::array();
    for (const auto& b : m->boroughs) {
      json districts = json::array();
      for (const District* d : DistrictsOfBorough(*m, b.name)) districts.push_back({{"code", d->code.str()}, {"name", d->name}});
      boroughs.push_back({{"name", b.name}, {"slug", b.slug}, {"index", b.index}, {"districts", districts}});
    }
    data["boroughs"] = boroughs;
    return web.Render(ctx, "geography/home.html", "geography.home.title", data);
  }));

  router.Get("/stadsdeel/{slug}", web.Page([&web, &service](http::Request& req, Context& ctx) {
    auto m = service.current();
    const Borough* b = FindBoroughBySlug(*m, req.Param("slug"));
    if (!b) return web.ErrorPage(ctx, NotFound("no such stadsdeel"));
    MapOptions opts;
    opts.title = ctx.T("geography.map.borough_title", {{"name", b->name}});
    opts.description = ctx.T("geography.map.borough_description",
                             {{"name", b->name}, {"municipality_name", web.options().municipality_name}});
    opts.id_prefix = "stadsdeelkaart";
    opts.link_for = [](const MapArea& a) { return "/wijk/" + std::string(a.code); };
    auto map = RenderBoroughMap(*m, b->slug, opts);
    json data;
    data["map_html"] = map.has_value() ? map->svg : "";
    data["borough"] = {{"name", b->name}, {"slug", b->slug}, {"population", Count(b->figures.population, ctx)},
                       {"district_count", b->district_count}, {"neighbourhood_count", b->neighbourhood_count}};
    json districts = json::array();
    for (const District* d : DistrictsOfBorough(*m, b->name)) {
      districts.push_back({{"code", d->code.str()}, {"name", d->name}, {"population", Count(d->figures.population, ctx)},
                           {"neighbourhood_count", NeighbourhoodsOfDistrict(*m, d->code).size()}});
    }
    data["districts"] = districts;
    auto contact = service.Contact(b->slug);
    if (!contact.has_value()) return web.ErrorPage(ctx, contact.error());
    if (*contact) {
      const auto& k = **contact;
      data["contact"] = {{"contact_name", k.contact_name}, {"email", k.email}, {"phone", k.phone}, {"note", k.note}};
    }
    data["can_edit"] = ctx.user && Can(*ctx.user, GeoAction::kEditBoroughContact, b->slug);
    data["title"] = ctx.T("geography.borough.title", {{"name", b->name}});
    return web.Render(ctx, "geography/borough.html", "", data);
  }));

  auto render_contact_form = [&web](Context& ctx, const Borough& b, const http::FormData& form,
                                    const web::FormErrors& errors, int status) {
    json data;
    data["borough"] = {{"name", b.name}, {"slug", b.slug}};
    data["fields"]["contact_name"] = web::FieldJson(ctx, {.name = "contact_name", .label_key = "geography.contact.name",
                                                          .value = form.Get("contact_name"), .autocomplete = "name",
                                                          .error_key = errors.KeyFor("contact_name")});
    data["fields"]["email"] = web::FieldJson(ctx, {.name = "email", .label_key = "geography.contact.email", .type = "email",
                                                   .value = form.Get("email"), .autocomplete = "email",
                                                   .error_key = errors.KeyFor("email")});
    data["fields"]["phone"] = web::FieldJson(ctx, {.name = "phone", .label_key = "geography.contact.phone", .type = "tel",
                                                   .value = form.Get("phone"), .autocomplete = "tel",
                                                   .error_key = errors.KeyFor("phone"), .required = false});
    data["fields"]["note"] = web::FieldJson(ctx, {.name = "note", .label_key = "geography.contact.note",
                                                  .value = form.Get("note"),
                                                  .description_key = "geography.contact.note_hint",
                                                  .error_key = errors.KeyFor("note"), .required = false,
                                                  .textarea = true, .rows = 3});
    errors.AppendTo(data);
    data["title"] = ctx.T("geography.contact.edit_title", {{"name", b.name}});
    return web.Render(ctx, "geography/contact_form.html", "", data, status);
  };

  router.Get("/stadsdeel/{slug}/contact", web.Page([&web, &service, render_contact_form](http::Request& req, Context& ctx) {
    auto m = service.current();
    const Borough* b = FindBoroughBySlug(*m, req.Param("slug"));
    if (!b) return web.ErrorPage(ctx, NotFound("no such stadsdeel"));
    if (!Can(*ctx.user, GeoAction::kEditBoroughContact, b->slug)) return web.ErrorPage(ctx, Forbidden("not allowed"));
    http::FormData form;
    auto contact = service.Contact(b->slug);
    if (!contact.has_value()) return web.ErrorPage(ctx, contact.error());
    if (*contact) {
      form.AddField("contact_name", (*contact)->contact_name);
      form.AddField("email", (*contact)->email);
      form.AddField("phone", (*contact)->phone);
      form.AddField("note", (*contact)->note);
    }
    return render_contact_form(ctx, *b, form, web::FormErrors(), 200);
  }, {.require_login = true}));

  router.Post("/stadsdeel/{slug}/contact", web.Page([&web, &service, render_contact_form](http::Request& req, Context& ctx) {
    auto m = service.current();
    const Borough* b = FindBoroughBySlug(*m, req.Param("slug"));
    if (!b) return web.ErrorPage(ctx, NotFound("no such stadsdeel"));
    if (!Can(*ctx.user, GeoAction::kEditBoroughContact, b->slug)) return web.ErrorPage(ctx, Forbidden("not allowed"));
    BoroughContact k{std::string(Trim(ctx.form.Get("contact_name"))), std::string(Trim(ctx.form.Get("email"))),
                     std::string(Trim(ctx.form.Get("phone"))), std::string(Trim(ctx.form.Get("note"))), 0};
    web::FormErrors errors;
    if (k.contact_name.empty()) errors.Add(ctx, "contact_name", "geography.contact.name", "web.required");
    else if (k.contact_name.size() > 100) errors.Add(ctx, "contact_name", "geography.contact.name", "accounts.error.too_long");
    if (k.email.empty()) errors.Add(ctx, "email", "geography.contact.email", "web.required");
    else if (!IsPlausibleEmail(k.email)) errors.Add(ctx, "email", "geography.contact.email", "accounts.error.bad_email");
    if (!IsPhone(k.phone)) errors.Add(ctx, "phone", "geography.contact.phone", "geography.contact.bad_phone");
    if (k.note.size() > 1000) errors.Add(ctx, "note", "geography.contact.note", "accounts.error.too_long");
    if (!errors.empty()) return render_contact_form(ctx, *b, ctx.form, errors, 422);
    auto r = service.SaveContact(*ctx.user, b->slug, k);
    if (!r.has_value()) return web.ErrorPage(ctx, r.error());
    return web.Redirect(ctx, "/stadsdeel/" + b->slug, web::Flash{"success", "geography.contact.saved"});
  }, {.require_login = true}));

  router.Get("/wijk/{code}", web.Page([&web, &service](http::Request& req, Context& ctx) {
    auto m = service.current();
    auto code = DistrictCode::Parse(req.Param("code"));
    const District* d = code ? FindDistrict(*m, *code) : FindDistrictBySlug(*m, req.Param("code"));
    if (!d) return web.ErrorPage(ctx, NotFound("no such wijk"));
    const Borough* b = FindBorough(*m, d->borough);
    auto neighbourhoods = NeighbourhoodsOfDistrict(*m, d->code);
    MapOptions opts;
    opts.title = ctx.T("geography.map.district_title", {{"name", d->name}});
    opts.description = ctx.T("geography.map.district_description", {{"name", d->name}});
    opts.id_prefix = "wijkkaart";
    opts.show_labels = true;
    opts.link_for = [](const MapArea& a) { return "#" + std::string(a.code); };
    auto map = RenderNeighbourhoodMap(*m, d->code, opts);
    json data;
    data["map_html"] = map.has_value() ? map->svg : "";
    const Figures& f = d->figures;
    data["district"] = {
        {"code", d->code.str()}, {"name", d->name}, {"borough", d->borough}, {"borough_slug", b ? b->slug : ""},
        {"population", Count(f.population, ctx)}, {"men", Count(f.men, ctx)}, {"women", Count(f.women, ctx)},
        {"dwellings", Count(f.dwellings, ctx)},
        {"area_land_ha", f.area_land_ha ? i18n::FormatDecimal(*f.area_land_ha, 0, ctx.locale) : ""},
        {"density", f.density_per_km2_land ? i18n::FormatDecimal(*f.density_per_km2_land, 0, ctx.locale) : ""},
        {"neighbourhood_count", neighbourhoods.size()}};
    json list = json::array();
    for (const Neighbourhood* n : neighbourhoods) {
      list.push_back({{"code", n->code.str()}, {"name", n->name}, {"population", Count(n->figures.population, ctx)}});
    }
    data["neighbourhoods"] = list;
    data["sections_html"] = service.RenderDistrictSections(d->code.str(), ctx.locale);
    data["title"] = ctx.T("geography.district.title", {{"name", d->name}});
    return web.Render(ctx, "geography/district.html", "", data);
  }));
}

}  // namespace wp::geography
