#include "features/participation/project_view.h"

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::participation {

using nlohmann::json;

std::string ProjectPath(int64_t id) { return std::string(kCalendarPath) + "/" + std::to_string(id); }
std::string PlatformPagePath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/participatie"; }

namespace {

// "2027-03-01" -> "1 maart 2027".
std::string Day(const web::Context& ctx, const std::string& date) {
  auto parsed = time::ParseDateInput(date);
  return parsed ? time::FormatDate(*parsed, ctx.locale) : date;
}

std::string Dates(const web::Context& ctx, const Phase& ph) {
  if (ph.end.empty()) return ctx.T("participation.phase.from", {{"start", Day(ctx, ph.start)}});
  if (ph.end == ph.start) return ctx.T("participation.phase.on", {{"day", Day(ctx, ph.start)}});
  return ctx.T("participation.phase.from_to", {{"start", Day(ctx, ph.start)}, {"end", Day(ctx, ph.end)}});
}

}  // namespace

json LevelBadge(const web::Context& ctx, Level level) {
  web::Tone tone = level == Level::kCoDecide ? web::Tone::kSuccess
                   : level == Level::kInform ? web::Tone::kNeutral
                                             : web::Tone::kInfo;
  return web::StatusBadge(ctx.T("participation.level." + std::string(LevelName(level))), tone);
}

std::string StatusText(const web::Context& ctx, Status s) {
  return ctx.T("participation.status." + std::string(StatusName(s)));
}

std::string PhaseLine(const web::Context& ctx, const Project& p, const std::string& today) {
  if (IsClosed(p.status)) return "";
  TimelinePosition at = PositionOn(p.phases, today);
  if (at.current) {
    const Phase& ph = p.phases[*at.current];
    return ctx.T("participation.phase.now", {{"name", ph.name}, {"dates", Dates(ctx, ph)}});
  }
  if (at.next) {
    const Phase& ph = p.phases[*at.next];
    return ctx.T("participation.phase.next", {{"name", ph.name}, {"start", Day(ctx, ph.start)}});
  }
  return "";
}

json Timeline(const web::Context& ctx, const Project& p, const std::string& today) {
  TimelinePosition at = PositionOn(p.phases, today);
  bool open = !IsClosed(p.status);
  json out = json::array();
  for (size_t i = 0; i < p.phases.size(); ++i) {
    out.push_back({{"name", p.phases[i].name},
                   {"dates", Dates(ctx, p.phases[i])},
                   {"now", open && at.current == i},
                   {"next", open && !at.current && at.next == i}});
  }
  return out;
}

json HistoryTable(const web::Context& ctx, const ProjectCommands& commands, const std::vector<Entry>& history) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& h : history) {
    std::string what = ctx.T("participation.history." + std::string(EntryKindName(h.kind)));
    if (h.kind == EntryKind::kStatus) {
      what += ": " + ctx.T("participation.status." + h.from) + " → " + ctx.T("participation.status." + h.to);
    }
    rows.push_back({{time::FormatDateTime(commands.zone(), h.at, ctx.locale)}, {h.actor_name}, {what}, {h.text}});
  }
  return web::Table(ctx.T("participation.history.caption"),
                    {ctx.T("participation.history.when"), ctx.T("participation.history.who"),
                     ctx.T("participation.history.what"), ctx.T("participation.history.text")},
                    rows);
}

json ProjectCard(const web::Context& ctx, const geography::Municipality& m, const Project& p,
                 const std::string& today, int heading_level) {
  std::string meta = StatusText(ctx, p.status) + " · " + DistrictNames(p.districts, m);
  std::string phase = PhaseLine(ctx, p, today);
  if (!phase.empty()) meta += " · " + phase;
  return web::Card({.title = p.title,
                    .href = ProjectPath(p.id),
                    .text = p.summary,
                    .meta = meta,
                    .badge = LevelBadge(ctx, p.level),
                    .heading_level = heading_level});
}

}  // namespace wp::participation
