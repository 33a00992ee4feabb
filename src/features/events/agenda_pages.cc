#include "features/events/agenda_pages.h"

#include "core/web/components.h"
#include "features/events/event_view.h"

namespace wp::events {

namespace {

using nlohmann::json;
using web::Context;

http::Response CalendarResponse(std::string body) {
  http::Response r;
  r.status = 200;
  r.headers.Set("Content-Type", "text/calendar; charset=utf-8");
  r.headers.Set("Cache-Control", "public, max-age=300");
  r.body = std::move(body);
  return r;
}

// "webcal://host/path": calendar apps subscribe to the feed with this link.
std::string WebcalUrl(const std::string& base_url, const std::string& path) {
  size_t scheme = base_url.find("://");
  return "webcal://" + (scheme == std::string::npos ? base_url : base_url.substr(scheme + 3)) + path;
}

}  // namespace

Result<http::Response> AgendaPages::Agenda(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(auto list, commands_.OfPlatform(p.id, false));
  json upcoming = json::array(), past = json::array();
  for (const auto& e : list)
    (e.ends_at_utc < commands_.Now() ? past : upcoming).push_back(EventCard(ctx, commands_, e));
  std::string ics = AgendaPath(p) + ".ics";
  json data = {{"platform", PlatformJson(p)},
               {"upcoming", upcoming},
               {"past", past},
               {"has_past", !past.empty()},
               {"ics_url", ics},
               {"webcal_url", WebcalUrl(web_.options().base_url, ics)},
               {"breadcrumb", PlatformCrumbs(p, {{ctx.T("events.agenda.title"), AgendaPath(p)}})}};
  if (upcoming.empty()) data["empty"] = web::EmptyState(ctx.T("events.agenda.none"));
  if (EventCommands::Manages(ctx.user, p)) {
    data["manage"] = web::ActionLink(ctx.T("events.agenda.manage"), AdminPath(p));
  }
  return web_.Render(ctx, "events/agenda.html", "events.agenda.title", data);
}

Result<http::Response> AgendaPages::PlatformCalendar(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(std::string ics, commands_.PlatformCalendar(p));
  return CalendarResponse(std::move(ics));
}

Result<http::Response> AgendaPages::DistrictCalendar(Context& ctx) {
  auto m = geography_.current();
  auto code = geography::DistrictCode::Parse(ctx.Param("code"));
  const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr;
  if (!d) return NotFound("no such wijk");
  WP_ASSIGN_OR_RETURN(std::string ics, commands_.DistrictCalendar(d->code.str(), d->name));
  return CalendarResponse(std::move(ics));
}

}  // namespace wp::events
