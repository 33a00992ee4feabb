#include "features/events/event_view.h"

namespace wp::events {

using nlohmann::json;

std::string EventPath(int64_t event_id) { return "/activiteit/" + std::to_string(event_id); }
std::string AdminPath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/beheer/activiteiten"; }
std::string AgendaPath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/agenda"; }

namespace {

std::string StatusLabel(const web::Context& ctx, EventStatus s) {
  return ctx.T("events.status." + std::string(EventStatusName(s)));
}

json Badge(const web::Context& ctx, EventStatus s) {
  web::Tone tone = s == EventStatus::kPublished   ? web::Tone::kSuccess
                   : s == EventStatus::kCancelled ? web::Tone::kDanger
                                                  : web::Tone::kInfo;
  return web::StatusBadge(StatusLabel(ctx, s), tone);
}

std::string KindLabel(const web::Context& ctx, EventKind k) {
  return ctx.T("events.kind." + std::string(EventKindName(k)));
}

}  // namespace

json EventJson(const web::Context& ctx, const EventCommands& commands, const Event& e, const platforms::Platform& p) {
  return {{"id", e.id},
          {"title", e.title},
          {"kind", KindLabel(ctx, e.kind)},
          {"when", commands.FormatWhen(e, ctx.locale)},
          {"place", e.place},
          {"status_label", StatusLabel(ctx, e.status)},
          {"status", Badge(ctx, e.status)},
          {"draft", e.status == EventStatus::kDraft},
          {"published", e.status == EventStatus::kPublished},
          {"cancelled", e.status == EventStatus::kCancelled},
          {"capacity", e.capacity ? std::to_string(*e.capacity) : ""},
          {"url", EventPath(e.id)},
          {"admin_url", AdminPath(p) + "/" + std::to_string(e.id)}};
}

json EventCard(const web::Context& ctx, const EventCommands& commands, const Event& e) {
  return web::Card({.title = e.title,
                    .href = EventPath(e.id),
                    .meta = KindLabel(ctx, e.kind) + " · " + commands.FormatWhen(e, ctx.locale) + " · " + e.place,
                    .badge = e.status == EventStatus::kCancelled ? Badge(ctx, e.status) : json(nullptr),
                    .heading_level = 3});
}

json PlatformJson(const platforms::Platform& p) { return {{"name", p.name}, {"slug", p.slug}}; }

json PlatformCrumbs(const platforms::Platform& p, std::vector<web::Crumb> trail) {
  trail.insert(trail.begin(), web::Crumb{p.name, "/wijkplatform/" + p.slug});
  return web::Breadcrumb(trail);
}

}  // namespace wp::events
