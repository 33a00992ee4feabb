#include "features/initiatives/public_pages.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/initiatives/files_view.h"
#include "features/initiatives/initiative_view.h"

namespace wp::initiatives {

namespace {

using nlohmann::json;
using web::Context;

}  // namespace

Result<http::Response> PublicPages::Overview(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto counts, commands_.PublicPerDistrict());
  auto m = commands_.geography().current();
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& c : counts) {
    auto code = geography::DistrictCode::Parse(c.district_code);
    const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr;
    if (!d) continue;
    rows.push_back({{d->name, "/initiatieven/wijk/" + d->code.str()}, {std::to_string(c.count), "", true}});
  }
  json data = {
      {"start", web::ActionLink(ctx.T("initiatives.overview.start"), "/initiatieven/nieuw", web::ActionKind::kPrimary)},
      {"table", rows.empty()
                    ? json(nullptr)
                    : web::Table(ctx.T("initiatives.overview.caption"),
                                 {ctx.T("initiatives.overview.district"), ctx.T("initiatives.overview.count")}, rows)},
      {"empty", rows.empty() ? web::EmptyState(ctx.T("initiatives.overview.empty")) : json(nullptr)}};
  return web_.Render(ctx, "initiatives/overview.html", "initiatives.overview.title", data);
}

Result<http::Response> PublicPages::District(Context& ctx) {
  auto code = geography::DistrictCode::Parse(ctx.Param("code"));
  auto m = commands_.geography().current();
  const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr;
  if (!d) return NotFound("no such wijk");
  WP_ASSIGN_OR_RETURN(auto list, commands_.PublicIn(d->code.str()));
  json cards = json::array();
  for (const auto& i : list) {
    cards.push_back(web::Card({.title = i.compass.title,
                               .href = "/initiatieven/" + std::to_string(i.id),
                               .text = Excerpt(i.compass.what, 200),
                               .meta = PlaceName(*m, i.compass.neighbourhood_code),
                               .badge = StatusBadgeFor(ctx, i),
                               .heading_level = 2}));
  }
  json data = {
      {"district", d->name},
      {"cards", cards},
      {"empty", cards.empty() ? web::EmptyState(ctx.T("initiatives.district.empty")) : json(nullptr)},
      {"breadcrumb", web::Breadcrumb({{ctx.T("initiatives.nav.initiatives"), "/initiatieven"}, {d->name, ""}})}};
  return web_.Render(ctx, "initiatives/district.html", "initiatives.district.title", data);
}

Result<http::Response> PublicPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto v, commands_.Public(id));
  const Initiative& i = v.initiative;
  auto m = commands_.geography().current();
  json updates = json::array();
  for (const auto& e : v.updates) {
    if (e.kind != "update") continue;
    updates.push_back({{"at", time::FormatDate(commands_.zone(), e.at, ctx.locale)}, {"text", e.text}});
  }
  std::vector<web::Crumb> trail = {{ctx.T("initiatives.nav.initiatives"), "/initiatieven"}};
  auto code = geography::DistrictCode::Parse(i.district_code);
  if (const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr) {
    trail.push_back({d->name, "/initiatieven/wijk/" + d->code.str()});
  }
  trail.push_back({i.compass.title, ""});
  json data = {{"title_text", i.compass.title},
               {"number", InitiativeNumber(i.id)},
               {"status", StatusBadgeFor(ctx, i)},
               {"stepper", i.status == InitiativeStatus::kWithdrawn ? json(nullptr) : StepperFor(ctx, i)},
               {"what", i.compass.what},
               {"place", PlaceName(*m, i.compass.neighbourhood_code)},
               {"when", i.compass.when},
               {"needs", NeedsLabel(ctx, i.compass.needs)},
               {"needs_path", IsClosed(i.status, i.answer) ? "" : "/vraag-en-aanbod/initiatief/" + std::to_string(i.id)},
               {"gallery", FilesJson(ctx, v.photos, i.compass.title, "/initiatieven/" + std::to_string(i.id) + "/foto", "")},
               {"initiator", i.compass.show_name ? i.compass.initiator_name : ""},
               {"answer", AnswerJson(ctx, i)},
               {"conditions", ConditionsJson(ctx, v.conditions)},
               {"has_conditions", !v.conditions.empty()},
               {"updates", updates},
               {"has_updates", !updates.empty()},
               {"platform", v.platform_name},
               {"platform_path", v.platform_slug.empty() ? "" : "/wijkplatform/" + v.platform_slug},
               {"breadcrumb", web::Breadcrumb(trail)}};
  return web_.Render(ctx, "initiatives/public.html", "initiatives.public.title", data);
}

}  // namespace wp::initiatives
