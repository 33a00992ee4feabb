#include "features/signals/staff_pages.h"

#include "core/http/form.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/signals/deadlines.h"
#include "features/signals/permissions.h"
#include "features/signals/signal_view.h"

namespace wp::signals {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

constexpr int kPerPage = 50;

Result<void> RequireStaff(const Context& ctx) {
  if (!ctx.user || !CanUseWorkQueue(*ctx.user)) return Forbidden("no signal handling grant");
  return Ok();
}

json Options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& selected) {
  json out = json::array();
  for (const auto& [value, label] : values) {
    out.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

}  // namespace

Result<http::Response> StaffPages::Queue(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  QueueFilter f;
  f.status = ctx.Query("status").value_or("open");
  f.department = ctx.Query("afdeling").value_or("");
  f.borough = ctx.Query("stadsdeel").value_or("");
  f.category_slug = ctx.Query("onderwerp").value_or("");
  f.overdue_only = ctx.Query("te_laat").value_or("") == "ja";
  f.attention_only = ctx.Query("aandacht").value_or("") == "ja";
  if (ctx.Query("van").value_or("") == "mij") f.assigned_user_id = ctx.user->id;
  WP_ASSIGN_OR_RETURN(auto first, commands_.Queue(*ctx.user, f, 1, kPerPage));
  int64_t page = web::PageNumber(ctx.Query("pagina"), first.total, kPerPage);
  QueuePage result = std::move(first);
  if (page > 1) {
    WP_ASSIGN_OR_RETURN(result, commands_.Queue(*ctx.user, f, static_cast<int>(page), kPerPage));
  }
  WP_ASSIGN_OR_RETURN(auto categories, commands_.Categories());
  WP_ASSIGN_OR_RETURN(auto departments, commands_.Departments());
  const time::TimeZone& zone = commands_.zone();
  int64_t now = commands_.Now();
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& s : result.signals) {
    std::string flags;
    if (IsOverdue(s.status, s.deadline_at, now)) flags = ctx.T("signals.queue.overdue");
    if (s.needs_attention) flags += (flags.empty() ? "" : ", ") + ctx.T("signals.queue.attention");
    rows.push_back({{SignalNumber(s.id), "/beheer/meldingen/" + std::to_string(s.id)},
                    {CategoryLabel(ctx, categories, s.category_id)},
                    {ctx.T("signals.status." + std::string(StatusName(s.status)))},
                    {time::FormatPeriodEnd(zone, s.deadline_at, ctx.locale)},
                    {s.assigned_name},
                    {flags}});
  }
  std::vector<std::pair<std::string, std::string>> statuses = {{"open", ctx.T("signals.queue.open")},
                                                               {"closed", ctx.T("signals.queue.closed")},
                                                               {"all", ctx.T("signals.queue.all")}};
  for (SignalStatus s : kAllStatuses)
    statuses.push_back({std::string(StatusName(s)), ctx.T("signals.status." + std::string(StatusName(s)))});
  std::vector<std::pair<std::string, std::string>> dept_options = {{"", ctx.T("signals.queue.any")}};
  for (const auto& d : departments) dept_options.push_back({d.slug, d.name});
  std::vector<std::pair<std::string, std::string>> borough_options = {{"", ctx.T("signals.queue.any")}};
  for (const auto& b : commands_.geography().current()->boroughs) borough_options.push_back({b.slug, b.name});
  std::vector<std::pair<std::string, std::string>> category_options = {{"", ctx.T("signals.queue.any")}};
  for (const auto& c : categories) category_options.push_back({c.slug, CategoryLabel(ctx, categories, c.id)});
  std::string query = "/beheer/meldingen?status=" + http::PercentEncode(f.status) +
                      "&afdeling=" + http::PercentEncode(f.department) +
                      "&stadsdeel=" + http::PercentEncode(f.borough) +
                      "&onderwerp=" + http::PercentEncode(f.category_slug) + (f.overdue_only ? "&te_laat=ja" : "") +
                      (f.attention_only ? "&aandacht=ja" : "") + (f.assigned_user_id ? "&van=mij" : "");
  json data = {
      {"statuses", Options(statuses, f.status)},
      {"departments", Options(dept_options, f.department)},
      {"boroughs", Options(borough_options, f.borough)},
      {"categories", Options(category_options, f.category_slug)},
      {"overdue", f.overdue_only},
      {"attention", f.attention_only},
      {"mine", f.assigned_user_id.has_value()},
      {"count", ctx.T("signals.queue.count", {{"count", result.total}})},
      {"table",
       web::Table(ctx.T("signals.queue.caption"),
                  {ctx.T("signals.queue.number"), ctx.T("signals.field.category"), ctx.T("signals.queue.status"),
                   ctx.T("signals.queue.deadline"), ctx.T("signals.queue.assigned"), ctx.T("signals.queue.flags")},
                  rows)},
      {"empty", rows.empty() ? web::EmptyState(ctx.T("signals.queue.empty")) : json(nullptr)},
      {"pagination",
       web::Pagination(result.total, page, kPerPage, query,
                       {ctx.T("web.pagination.nav"), ctx.T("web.pagination.previous"), ctx.T("web.pagination.next")})}};
  return web_.Render(ctx, "signals/queue.html", "signals.queue.title", data);
}

http::Response StaffPages::ShowSignal(Context& ctx, const StaffView& v, std::vector<FieldError> errors) {
  const Signal& s = v.signal;
  const time::TimeZone& zone = commands_.zone();
  FormView form(ctx, errors);
  form.Label("status", "signals.staff.new_status");
  form.Field({.name = "text",
              .label_key = "signals.staff.status_text",
              .description_key = "signals.staff.status_text_hint",
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Field({.name = "planned_day", .label_key = "signals.staff.planned_day", .type = "date", .required = false});
  form.Field({.name = "note",
              .label_key = "signals.staff.note",
              .description_key = "signals.staff.note_hint",
              .textarea = true,
              .rows = 3});
  form.Field({.name = "message",
              .label_key = "signals.staff.message",
              .description_key = "signals.staff.message_hint",
              .textarea = true,
              .rows = 3});
  form.Field({.name = "into", .label_key = "signals.staff.merge_into", .description_key = "signals.staff.merge_hint"});
  form.Label("department", "signals.staff.forward_to");
  form.Field({.name = "reason", .label_key = "signals.staff.forward_reason", .textarea = true, .rows = 3});
  auto categories = commands_.Categories();
  auto departments = commands_.Departments();
  std::vector<std::pair<std::string, std::string>> next;
  for (SignalStatus to : NextStatuses(s.status, Actor::kStaff)) {
    if (to == SignalStatus::kForwarded) continue;  // its own form, with the party and the reason
    next.push_back({std::string(StatusName(to)), ctx.T("signals.status." + std::string(StatusName(to)))});
  }
  std::vector<std::pair<std::string, std::string>> handlers = {{"", ctx.T("signals.staff.nobody")}};
  handlers.push_back({std::to_string(ctx.user->id), ctx.T("signals.staff.me")});
  for (const auto& [id, name] : v.handlers) {
    if (id != ctx.user->id) handlers.push_back({std::to_string(id), name});
  }
  std::vector<std::pair<std::string, std::string>> targets;
  if (departments.has_value()) {
    for (const auto& d : *departments) {
      if (d.slug != s.department_slug) targets.push_back({d.slug, d.name});
    }
  }
  json photos = json::array();
  for (const auto& p : v.photos) photos.push_back({{"src", "/beheer/meldingen/foto/" + std::to_string(p.id)}});
  json answers = json::array();
  for (const auto& a : v.answers) answers.push_back({{"question", a.question}, {"text", a.text}});
  std::string place = s.street;
  if (auto code = geography::NeighbourhoodCode::Parse(s.neighbourhood_code)) {
    if (const auto* n = geography::FindNeighbourhood(*commands_.geography().current(), *code)) {
      place = n->name + (s.street.empty() ? "" : ", " + s.street);
    }
  }
  std::string base = "/beheer/meldingen/" + std::to_string(s.id);
  json data = {
      {"number", SignalNumber(s.id)},
      {"status", StatusBadgeFor(ctx, s.status)},
      {"overdue", IsOverdue(s.status, s.deadline_at, commands_.Now())},
      {"attention", s.needs_attention},
      {"category", categories.has_value() ? CategoryLabel(ctx, *categories, s.category_id) : ""},
      {"department", departments.has_value() ? DepartmentName(*departments, s.department_slug) : s.department_slug},
      {"reported_for", ReportedFor(platforms_, s)},
      {"description", s.description},
      {"place", place},
      {"position", s.lon && s.lat ? CoordinateText(*s.lat) + ", " + CoordinateText(*s.lon) : ""},
      {"reported_on", time::FormatDateTime(zone, s.created_at, ctx.locale)},
      {"deadline", time::FormatPeriodEnd(zone, s.deadline_at, ctx.locale)},
      {"assigned", s.assigned_name},
      {"reporters", ctx.T("signals.staff.reporters", {{"count", v.reporters}, {"verified", v.verified_reporters}})},
      {"merged_into", s.merged_into ? SignalNumber(*s.merged_into) : ""},
      {"forwarded_to", s.forwarded_to},
      {"history", HistoryJson(ctx, zone, v.events, true)},
      {"photos", photos},
      {"answers", answers},
      {"has_answers", !answers.empty()},
      {"is_open", IsOpen(s.status)},
      {"next", Options(next, "")},
      {"has_next", !next.empty()},
      {"handlers", Options(handlers, s.assigned_user_id ? std::to_string(*s.assigned_user_id) : "")},
      {"targets", Options(targets, "")},
      {"status_error", form.ErrorFor("status")},
      {"department_error", form.ErrorFor("department")},
      {"base", base},
      {"breadcrumb", web::Breadcrumb({{ctx.T("signals.queue.title"), "/beheer/meldingen"}, {SignalNumber(s.id), ""}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "signals/staff_signal.html", "signals.staff.title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> StaffPages::Show(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto view, commands_.ForStaff(*ctx.user, id));
  return ShowSignal(ctx, view, {});
}

Result<http::Response> StaffPages::After(Context& ctx, int64_t id, const Result<void>& done, const char* flash_key) {
  if (!done.has_value()) {
    if (!done.error().has_fields()) return done.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForStaff(*ctx.user, id));
    return ShowSignal(ctx, view, done.error().fields);
  }
  return web_.Redirect(ctx, "/beheer/meldingen/" + std::to_string(id), web::Flash{"success", flash_key});
}

Result<http::Response> StaffPages::ChangeStatus(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto to = ParseStatus(ctx.form.Get("status"));
  if (!to) return After(ctx, id, FormInvalid({{"status", "web.required"}}), "");
  StatusChange change{*to, ctx.form.Get("text"), ctx.form.Get("planned_day")};
  return After(ctx, id, commands_.ChangeStatus(*ctx.user, id, change), "signals.staff.status_done");
}

Result<http::Response> StaffPages::AddNote(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.AddNote(*ctx.user, id, ctx.form.Get("note")), "signals.staff.note_done");
}

Result<http::Response> StaffPages::Message(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.MessageReporter(*ctx.user, id, ctx.form.Get("message")),
               "signals.staff.message_done");
}

Result<http::Response> StaffPages::Assign(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  std::string who = ctx.form.Get("user");
  std::optional<int64_t> user_id;
  std::string name;
  if (!who.empty()) {
    WP_ASSIGN_OR_RETURN(auto view, commands_.ForStaff(*ctx.user, id));
    if (who == std::to_string(ctx.user->id)) {
      user_id = ctx.user->id;
      name = ctx.user->display_name;
    }
    for (const auto& [hid, hname] : view.handlers) {
      if (std::to_string(hid) == who) {
        user_id = hid;
        name = hname;
      }
    }
    if (!user_id) return After(ctx, id, FormInvalid({{"user", "signals.staff.unknown_handler"}}), "");
  }
  return After(ctx, id, commands_.Assign(*ctx.user, id, user_id, name), "signals.staff.assign_done");
}

Result<http::Response> StaffPages::Merge(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto into = ParseSignalNumber(ctx.form.Get("into"));
  if (!into) return After(ctx, id, FormInvalid({{"into", "signals.merge.unknown"}}), "");
  return After(ctx, id, commands_.Merge(*ctx.user, id, *into), "signals.staff.merge_done");
}

Result<http::Response> StaffPages::Forward(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.Forward(*ctx.user, id, ctx.form.Get("department"), ctx.form.Get("reason")),
               "signals.staff.forward_done");
}

Result<http::Response> StaffPages::Photo(Context& ctx) {
  WP_TRY_VOID(RequireStaff(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto photo, commands_.FindPhoto(id));
  if (!photo) return NotFound("no such photo");
  // Only who may handle the signal sees its photos.
  WP_ASSIGN_OR_RETURN([[maybe_unused]] auto view, commands_.ForStaff(*ctx.user, photo->signal_id));
  WP_ASSIGN_OR_RETURN(std::string bytes, commands_.PhotoBytes(*photo));
  http::Response r;
  r.headers.Set("Content-Type", "image/jpeg");
  r.headers.Set("Cache-Control", "private, max-age=3600");
  r.body = std::move(bytes);
  return r;
}

}  // namespace wp::signals
