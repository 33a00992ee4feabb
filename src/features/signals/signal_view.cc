#include "features/signals/signal_view.h"

#include <cstdio>
#include <cstdlib>

#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "features/signals/permissions.h"

namespace wp::signals {

using nlohmann::json;

namespace {

web::Tone ToneOf(SignalStatus s) {
  switch (s) {
    case SignalStatus::kReported:
    case SignalStatus::kReopened:
      return web::Tone::kInfo;
    case SignalStatus::kInProgress:
    case SignalStatus::kScheduled:
      return web::Tone::kWarning;
    case SignalStatus::kDone:
      return web::Tone::kSuccess;
    case SignalStatus::kForwarded:
    case SignalStatus::kCancelled:
    case SignalStatus::kMerged:
      return web::Tone::kNeutral;
  }
  return web::Tone::kNeutral;
}

std::string StatusLabel(const web::Context& ctx, SignalStatus s) {
  return ctx.T("signals.status." + std::string(StatusName(s)));
}

}  // namespace

json StatusBadgeFor(const web::Context& ctx, SignalStatus status) {
  return web::StatusBadge(StatusLabel(ctx, status), ToneOf(status));
}

json HistoryJson(const web::Context& ctx, const time::TimeZone& zone, const std::vector<Event>& events, bool staff) {
  json out = json::array();
  for (const auto& e : events) {
    if (!e.is_public && !staff) continue;
    json line = {{"at", time::FormatDateTime(zone, e.at, ctx.locale)}, {"text", e.text}, {"internal", !e.is_public}};
    if (e.kind == "status" || e.kind == "reopen_request") {
      line["title"] =
          ctx.T("signals.event.status", {{"status", StatusLabel(ctx, e.status.value_or(SignalStatus::kReported))}});
      if (e.kind == "reopen_request") line["title"] = ctx.T("signals.event.reopen_request");
    } else if (e.kind == "update") {
      auto day = time::ParseDateInput(e.text);
      line["title"] = ctx.T("signals.event.update_title");
      line["text"] = day ? ctx.T("signals.event.update", {{"date", time::FormatDate(*day, ctx.locale)}}) : e.text;
    } else if (e.kind == "merge") {
      line["title"] = ctx.T(e.is_public ? "signals.event.merged" : "signals.event.merged_here", {{"number", e.text}});
      line["text"] = "";
    } else {
      line["title"] = ctx.T("signals.event." + e.kind);
    }
    if (staff && !e.actor_name.empty()) line["actor"] = e.actor_name;
    out.push_back(std::move(line));
  }
  return out;
}

std::string ReportedFor(const platforms::PlatformDirectory& directory, const Signal& s) {
  if (!s.platform_id) return "";
  auto p = directory.FindById(*s.platform_id);
  return p.has_value() && *p ? (*p)->name : "";
}

std::vector<std::pair<int64_t, std::string>> PlatformsToReportFor(const platforms::PlatformDirectory& directory,
                                                                  const auth::User& user) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& g : user.grants) {
    if (g.role != auth::Role::kKernteamMember || !CanReportForPlatform(user, g.scope)) continue;
    auto id = ParseId(g.scope);
    if (!id) continue;
    auto p = directory.FindById(*id);
    if (p.has_value() && *p && platforms::IsActive((*p)->status)) out.emplace_back(*id, (*p)->name);
  }
  return out;
}

std::string CategoryLabel(const web::Context& ctx, const std::vector<Category>& all, int64_t id) {
  return CategoryLabelIn(ctx.locale, all, id);
}

json CategoryGroups(const web::Context& ctx, const std::vector<Category>& all, const std::string& selected) {
  json groups = json::array();
  for (const auto& main : all) {
    if (main.parent_id || !main.active) continue;
    json options = json::array();
    for (const auto& c : all) {
      bool child = c.parent_id == main.id;
      if ((child || c.id == main.id) && IsReportable(c, all)) {
        options.push_back({{"value", c.slug}, {"label", c.NameIn(ctx.locale)}, {"selected", c.slug == selected}});
      }
    }
    if (!options.empty()) groups.push_back({{"label", main.NameIn(ctx.locale)}, {"options", options}});
  }
  return groups;
}

geography::RenderedMap PickerMap(const geography::Municipality& m, std::optional<geography::Point> chosen,
                                 const std::string& marker_label) {
  geography::MapOptions options;
  options.standalone = true;
  options.width = kPickerWidth;
  options.id_prefix = "wp-picker";
  if (chosen) options.markers.push_back({*chosen, marker_label, "", "chosen"});
  return geography::RenderAllNeighbourhoodsMap(m, options);
}

std::string CoordinateText(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

std::optional<double> ParseCoordinate(const std::string& text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  for (char c : text) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return std::nullopt;
  }
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

}  // namespace wp::signals
