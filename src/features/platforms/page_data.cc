#include "features/platforms/page_data.h"

#include "core/time/format.h"
#include "features/geography/map_svg.h"
#include "features/platforms/permissions.h"

namespace wp::platforms {

using nlohmann::json;
using web::Context;

std::string PlatformPath(const Platform& p) { return "/wijkplatform/" + p.slug; }

std::string StatusLabel(const Context& ctx, PlatformStatus s) {
  return ctx.T("platforms.status." + std::string(PlatformStatusName(s)));
}

web::Tone StatusTone(PlatformStatus s) {
  switch (s) {
    case PlatformStatus::kRecognised:
      return web::Tone::kSuccess;
    case PlatformStatus::kSubmitted:
    case PlatformStatus::kInFormation:
      return web::Tone::kInfo;
    case PlatformStatus::kRefused:
      return web::Tone::kDanger;
    case PlatformStatus::kEnded:
    case PlatformStatus::kWithdrawn:
      return web::Tone::kNeutral;
  }
  return web::Tone::kNeutral;
}

std::string BoroughName(const geography::Municipality& m, std::string_view slug) {
  const geography::Borough* b = geography::FindBoroughBySlug(m, slug);
  return b ? b->name : std::string(slug);
}

namespace {

// "09:30" for a time of day in minutes after midnight (24:00 for 1440).
std::string FormatMinutes(int m) { return time::FormatTime({.hour = m / 60, .minute = m % 60}); }

}  // namespace

json PlatformJson(const Context& ctx, const Platform& p, const geography::Municipality& m, const time::TimeZone& zone) {
  json themes = json::array();
  for (const auto& t : p.themes) themes.push_back(t);
  return {{"id", p.id},
          {"slug", p.slug},
          {"name", p.name},
          {"description", p.description},
          {"themes", themes},
          {"has_themes", !p.themes.empty()},
          {"contact_email", p.contact_email},
          {"status_label", StatusLabel(ctx, p.status)},
          {"badge", web::StatusBadge(StatusLabel(ctx, p.status), StatusTone(p.status))},
          {"active", IsActive(p.status)},
          {"borough", BoroughName(m, p.borough_slug)},
          {"created", time::FormatDate(zone, p.created_at, ctx.locale)},
          {"converted_from_council", p.converted_from_council.value_or("")}};
}

json AreaJson(const geography::Municipality& m, const std::set<std::string>& area) {
  json out = json::array();
  for (const auto& code : area) {
    std::string name = code;
    for (const auto& n : m.neighbourhoods) {
      if (n.code.str() == code) name = n.name;
    }
    out.push_back({{"code", code}, {"name", name}});
  }
  return out;
}

std::string AreaMapSvg(const Context& ctx, const geography::Municipality& m, const std::set<std::string>& area,
                       const std::string& id_prefix, const std::string& name) {
  if (m.neighbourhoods.empty()) return "";
  geography::MapOptions opts;
  opts.title = ctx.T("platforms.map.title", {{"name", name}});
  opts.description = ctx.T("platforms.map.description");
  opts.id_prefix = id_prefix;
  for (const auto& code : area) opts.highlighted.insert(code);
  opts.fit_to_highlighted = !area.empty();
  return geography::RenderAllNeighbourhoodsMap(m, opts).svg;
}

std::string DayName(const Context& ctx, Weekday d) {
  // Weekday counts from Monday, time:: from Sunday.
  return std::string(time::WeekdayName((static_cast<int>(d) + 1) % 7, ctx.locale));
}

json HoursJson(const Context& ctx, const std::vector<OfficeHours>& hours) {
  json out = json::array();
  for (const auto& h : hours) {
    out.push_back({{"id", h.id},
                   {"weekday", DayName(ctx, h.weekday)},
                   {"start", FormatMinutes(h.start_minute)},
                   {"end", FormatMinutes(h.end_minute)},
                   {"place", h.place}});
  }
  return out;
}

json Crumbs(const Context& ctx, std::vector<web::Crumb> trail) {
  trail.insert(trail.begin(), web::Crumb{ctx.T("platforms.nav.overview"), "/wijkplatforms"});
  return web::Breadcrumb(trail);
}

json PlatformCrumbs(const Context& ctx, const Platform& p, const std::string& label, const std::string& path) {
  return Crumbs(ctx, {{p.name, PlatformPath(p)}, {label, path}});
}

const auth::User& Viewer(const Context& ctx) {
  static const auth::User anonymous;
  return ctx.user ? *ctx.user : anonymous;
}

bool IsKernteam(const Context& ctx, const Platform& p) {
  return ctx.user && ctx.user->HasRole(auth::Role::kKernteamMember, PlatformScope(p.id));
}

bool MayManage(const Context& ctx, const Platform& p) {
  return Can(Viewer(ctx), Action::kEditPlatformPage, p) || Can(Viewer(ctx), Action::kManageKernteam, p);
}

bool MaySeeRecognition(const Context& ctx, const Platform& p) {
  return IsKernteam(ctx, p) || Can(Viewer(ctx), Action::kReviewRecognition, p);
}

bool MaySeeSubsidy(const Context& ctx, const Platform& p) {
  return IsKernteam(ctx, p) || Can(Viewer(ctx), Action::kGrantSubsidy, p);
}

}  // namespace wp::platforms
