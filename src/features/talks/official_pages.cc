#include "features/talks/official_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/talks/talk_view.h"

namespace wp::talks {

namespace {

using nlohmann::json;
using web::Context;

Error NotPlanner() { return Forbidden("not a planner", "talks.error.forbidden"); }

// The meeting `id` for its planner, or 403.
Result<MeetingView> ForPlanner(const TalkCommands& commands, const Context& ctx, int64_t id) {
  WP_ASSIGN_OR_RETURN(MeetingView v, commands.MeetingOf(&*ctx.user, id));
  if (!v.plans) return NotPlanner();
  return v;
}

json Options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& selected) {
  json out = json::array();
  for (const auto& [value, key] : values) {
    out.push_back({{"value", value}, {"text", key}, {"selected", value == selected}});
  }
  return out;
}

}  // namespace

Result<http::Response> OfficialPages::ShowOverview(Context& ctx, const RoundForm& f, const Error* error) {
  if (!IsPlanner(*ctx.user)) return NotPlanner();
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "year", .label_key = "talks.round.year", .type = "number", .value = f.year, .inputmode = "numeric"});
  form.Label("half", "talks.round.half");
  form.Label("borough", "talks.round.borough");
  std::vector<std::pair<std::string, std::string>> halves, boroughs;
  for (Half h : kAllHalves) halves.push_back({std::string(HalfName(h)), ctx.T("talks.half_name." + std::string(HalfName(h)))});
  if (CanPlanCity(*ctx.user)) boroughs.push_back({"", ctx.T("talks.round.city")});
  WP_ASSIGN_OR_RETURN(auto plannable, commands_.PlannableBoroughs(*ctx.user));
  for (const auto& b : plannable) boroughs.push_back({b, BoroughLabel(b)});
  WP_ASSIGN_OR_RETURN(auto rounds, commands_.Rounds(&*ctx.user));
  json list = json::array();
  for (const auto& r : rounds) list.push_back({{"table", MeetingsTable(ctx, commands_, r, true)}});
  json data = {{"action", kOfficialPath},
               {"half", Select(ctx, "half", "talks.round.half", form.ErrorFor("half"), Options(halves, f.half))},
               {"borough", Select(ctx, "borough", "talks.round.borough", form.ErrorFor("borough"),
                                  Options(boroughs, f.borough))},
               {"rounds", list},
               {"none", list.empty() ? json(web::EmptyState(ctx.T("talks.official.none"))) : json()},
               {"breadcrumb", web::Breadcrumb({{ctx.T("talks.official.title"), kOfficialPath}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "talks/official.html", "talks.official.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::Overview(Context& ctx) {
  time::LocalDateTime today = commands_.zone().ToLocal(commands_.Now());
  // The next round whose window has not begun: autumn from April on, else spring.
  bool autumn = today.month >= commands_.rules().spring_first_month &&
                today.month < commands_.rules().autumn_first_month;
  int year = today.year + (today.month >= commands_.rules().autumn_first_month ? 1 : 0);
  RoundForm f{std::to_string(year), autumn ? "autumn" : "spring", ""};
  return ShowOverview(ctx, f, nullptr);
}

Result<http::Response> OfficialPages::PlanRound(Context& ctx) {
  RoundForm f{ctx.form.Get("year"), ctx.form.Get("half"), ctx.form.Get("borough")};
  auto planned = commands_.PlanRound(*ctx.user, f);
  if (!planned.has_value()) {
    if (planned.error().has_fields()) return ShowOverview(ctx, f, &planned.error());
    return planned.error();
  }
  return web_.Redirect(ctx, kOfficialPath, web::Flash{"success", "talks.round.planned"});
}

Result<http::Response> OfficialPages::ShowSchedule(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(MeetingView v, ForPlanner(commands_, ctx, id));
  const talks::Meeting& m = v.meeting;
  auto value = [&](const std::string& name, std::string current) { return error ? ctx.form.Get(name) : current; };
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  const time::TimeZone& zone = commands_.zone();
  form.Field({.name = "date", .label_key = "talks.field.date", .type = "date",
              .value = value("date", m.starts_at ? time::DateInputValue(zone, *m.starts_at) : "")});
  form.Field({.name = "time", .label_key = "talks.field.time", .type = "time",
              .value = value("time", m.starts_at ? time::TimeInputValue(zone, *m.starts_at) : "19:30")});
  form.Field({.name = "place", .label_key = "talks.field.place", .value = value("place", m.place)});
  form.Field({.name = "reason", .label_key = "talks.field.reason", .value = ctx.form.Get("reason"),
              .description_key = "talks.field.reason_hint", .required = false, .textarea = true, .rows = 3});
  auto [start, end] = RoundWindow(commands_.rules(), m.year, m.half, zone);
  json data = {{"title", ctx.T("talks.schedule.heading", {{"platform", v.platform.name}})},
               {"window", ctx.T("talks.schedule.window", {{"from", time::FormatPeriodStart(zone, start, ctx.locale)},
                                                          {"to", time::FormatPeriodEnd(zone, end, ctx.locale)}})},
               {"action", SchedulePath(id)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("talks.official.title"), kOfficialPath},
                                               {ctx.T("talks.record.title"), RecordPath(id)},
                                               {ctx.T("talks.schedule.title"), SchedulePath(id)}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "talks/schedule.html", "talks.schedule.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::ScheduleForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowSchedule(ctx, id, nullptr);
}

Result<http::Response> OfficialPages::Schedule(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r = commands_.Schedule(
      *ctx.user, id, {ctx.form.Get("date"), ctx.form.Get("time"), ctx.form.Get("place"), ctx.form.Get("reason")});
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowSchedule(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, RecordPath(id), web::Flash{"success", "talks.schedule.saved"});
}

}  // namespace wp::talks
