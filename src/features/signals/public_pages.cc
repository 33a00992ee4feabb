#include "features/signals/public_pages.h"

#include <limits>

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/geography/map_svg.h"
#include "features/signals/signal_view.h"

namespace wp::signals {

namespace {

using nlohmann::json;
using web::Context;

constexpr int kPerPage = 30;

std::string SignalPath(int64_t id) { return "/meldingen/" + std::to_string(id); }

}  // namespace

Result<http::Response> PublicPages::Overview(Context& ctx) {
  auto m = commands_.geography().current();
  json boroughs = json::array();
  for (const auto& b : m->boroughs) {
    json districts = json::array();
    for (const auto& d : m->districts) {
      if (d.borough == b.name) districts.push_back({{"name", d.name}, {"href", "/meldingen/wijk/" + d.code.str()}});
    }
    boroughs.push_back({{"name", b.name}, {"districts", districts}});
  }
  json data = {{"boroughs", boroughs}};
  return web_.Render(ctx, "signals/overview.html", "signals.public.title", data);
}

Result<http::Response> PublicPages::District(Context& ctx) {
  auto m = commands_.geography().current();
  auto code = geography::DistrictCode::Parse(ctx.Param("code"));
  const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr;
  if (!d) return NotFound("unknown wijk");
  // The page asked for; the list stops at its last page (one read for both).
  int64_t asked = web::PageNumber(ctx.Query("pagina"), std::numeric_limits<int32_t>::max(), kPerPage);
  WP_ASSIGN_OR_RETURN(PublicPage list, commands_.PublicList(d->code.str(), asked, kPerPage));
  int64_t page = list.page;
  const std::vector<Category>& categories = list.categories;
  const time::TimeZone& zone = commands_.zone();
  json cards = json::array();
  geography::MapOptions options;
  options.title = ctx.T("signals.public.map_title", {{"wijk", d->name}});
  options.id_prefix = "wp-signals-map";
  // The wijk's buurten are drawn once per language and kept; only the
  // markers of this page are drawn per request.
  auto base = maps_.Get(m, "wijk/" + d->code.str() + "/" + ctx.locale, [&] {
    auto drawn = geography::RenderNeighbourhoodMap(*m, d->code, options);
    return drawn.has_value() ? *drawn : geography::RenderedMap{};
  });
  for (const auto& s : list.signals) {
    std::string category = CategoryLabel(ctx, categories, s.category_id);
    cards.push_back(web::Card(
        {.title = SignalNumber(s.id) + " · " + category,
         .href = SignalPath(s.id),
         .text = s.share_publicly ? s.description : "",
         .meta = ctx.T("signals.public.reported_on", {{"date", time::FormatDate(zone, s.created_at, ctx.locale)}}),
         .badge = StatusBadgeFor(ctx, s.status)}));
    if (s.lon && s.lat) {
      options.markers.push_back({{*s.lon, *s.lat},
                                 SignalNumber(s.id) + " · " + category,
                                 SignalPath(s.id),
                                 IsOpen(s.status) ? "open" : "closed"});
    }
  }
  geography::RenderedMap map = geography::WithMarkers(*base, options);
  json data = {
      {"wijk", d->name},
      {"wijk_href", "/wijk/" + d->code.str()},
      {"count", ctx.T("signals.public.count", {{"count", list.total}})},
      {"cards", cards},
      {"map_html", map.svg},
      {"empty", cards.empty() ? web::EmptyState(ctx.T("signals.public.empty"),
                                                web::ActionLink(ctx.T("signals.report.title"), "/meldingen/nieuw"))
                              : json(nullptr)},
      {"pagination",
       web::Pagination(list.total, page, kPerPage, "/meldingen/wijk/" + d->code.str(),
                       {ctx.T("web.pagination.nav"), ctx.T("web.pagination.previous"), ctx.T("web.pagination.next")})},
      {"breadcrumb", web::Breadcrumb({{ctx.T("signals.public.title"), "/meldingen"}, {d->name, ""}})}};
  return web_.Render(ctx, "signals/district.html", "signals.public.district_title", data);
}

Result<http::Response> PublicPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto s, commands_.PublicSignal(id));
  if (!s) return NotFound("no such signal");
  if (s->merged_into) return web_.Redirect(ctx, SignalPath(*s->merged_into));
  WP_ASSIGN_OR_RETURN(auto categories, commands_.Categories());
  WP_ASSIGN_OR_RETURN(auto events, commands_.PublicEvents(id));
  auto departments = commands_.Departments();
  const time::TimeZone& zone = commands_.zone();
  // Only the steps: the texts were written to the reporter, not for everyone.
  json history = HistoryJson(ctx, zone, events, false);
  for (auto& line : history) line["text"] = "";
  json photos = json::array();
  if (s->share_publicly) {
    WP_ASSIGN_OR_RETURN(auto rows, commands_.Photos(id));
    for (const auto& p : rows) photos.push_back({{"src", "/meldingen/foto/" + std::to_string(p.id)}});
  }
  auto m = commands_.geography().current();
  json data = {{"number", SignalNumber(s->id)},
               {"status", StatusBadgeFor(ctx, s->status)},
               {"category", CategoryLabel(ctx, categories, s->category_id)},
               {"reported_on", time::FormatDate(zone, s->created_at, ctx.locale)},
               {"description", s->share_publicly ? s->description : ""},
               {"reported_for", ReportedFor(platforms_, *s)},
               {"department", departments.has_value() ? DepartmentName(*departments, s->department_slug) : ""},
               {"forwarded_to", s->forwarded_to},
               {"photos", photos},
               {"history", history}};
  if (IsOpen(s->status)) data["expected"] = time::FormatPeriodEnd(zone, s->deadline_at, ctx.locale);
  if (auto code = geography::NeighbourhoodCode::Parse(s->neighbourhood_code)) {
    if (const auto* n = geography::FindNeighbourhood(*m, *code)) data["buurt"] = n->name;
  }
  if (auto code = geography::DistrictCode::Parse(s->district_code)) {
    if (const auto* d = geography::FindDistrict(*m, *code)) {
      data["breadcrumb"] = web::Breadcrumb({{ctx.T("signals.public.title"), "/meldingen"},
                                            {d->name, "/meldingen/wijk/" + d->code.str()},
                                            {SignalNumber(s->id), ""}});
    }
  }
  return web_.Render(ctx, "signals/public_signal.html", "signals.follow.title", data);
}

Result<http::Response> PublicPages::Photo(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto photo, commands_.FindPhoto(id));
  if (!photo) return NotFound("no such photo");
  WP_ASSIGN_OR_RETURN(auto s, commands_.PublicSignal(photo->signal_id));
  if (!s || !s->share_publicly) return NotFound("photo not public");
  WP_ASSIGN_OR_RETURN(std::string bytes, commands_.PhotoBytes(*photo));
  http::Response r;
  r.headers.Set("Content-Type", "image/jpeg");
  r.headers.Set("Cache-Control", "public, max-age=86400");
  r.body = std::move(bytes);
  return r;
}

}  // namespace wp::signals
