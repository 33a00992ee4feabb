#include "features/events/kernteam_pages.h"

#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/events/event_view.h"
#include "features/platforms/permissions.h"

namespace wp::events {

namespace {

using nlohmann::json;
using web::Context;

EventForm FormFromPost(const http::FormData& f) {
  return {f.Get("title"),    f.Get("kind"),     f.Get("description"), f.Get("start_date"), f.Get("start_time"),
          f.Get("end_date"), f.Get("end_time"), f.Get("place"),       f.Get("capacity")};
}

// The fields of the event form (the kind is a select the view renders).
void AddFields(web::FormView& form, const EventForm& f) {
  auto field = [&form](std::string name, std::string value, std::string type, bool required, std::string hint) {
    form.Field({.name = name,
                .label_key = "events.field." + name,
                .type = type,
                .value = std::move(value),
                .description_key = std::move(hint),
                .required = required,
                .textarea = name == "description",
                .rows = 8,
                .inputmode = name == "capacity" ? "numeric" : ""});
  };
  field("title", f.title, "text", true, "");
  form.Label("kind", "events.field.kind");
  field("description", f.description, "text", false, "events.field.description_hint");
  field("start_date", f.start_date, "date", true, "events.field.date_hint");
  field("start_time", f.start_time, "time", true, "events.field.time_hint");
  field("end_date", f.end_date, "date", false, "events.field.end_date_hint");
  field("end_time", f.end_time, "time", true, "events.field.time_hint");
  field("place", f.place, "text", true, "");
  field("capacity", f.capacity, "text", false, "events.field.capacity_hint");
}

json KindOptions(const Context& ctx, const std::string& chosen) {
  json kinds = json::array();
  for (EventKind k : kAllEventKinds) {
    std::string name(EventKindName(k));
    kinds.push_back({{"value", name}, {"label", ctx.T("events.kind." + name)}, {"selected", name == chosen}});
  }
  return kinds;
}

json RegistrationsTable(const Context& ctx, const std::vector<StoredRegistration>& registrations) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& s : registrations) {
    const Registration& r = s.registration;
    std::string name = r.participant.name;
    if (!r.participant.user_id) name += " (" + ctx.T("events.admin.one_off") + ")";
    rows.push_back({{name},
                    {r.participant.email},
                    {ctx.T("events.registration_state." + std::string(RegistrationStateName(r.state)))}});
  }
  return web::Table(ctx.T("events.admin.registrations_caption"),
                    {ctx.T("events.field.name"), ctx.T("events.field.email"), ctx.T("events.admin.state")}, rows);
}

}  // namespace

Result<platforms::Platform> KernteamPages::Managed(Context& ctx) const {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  if (!EventCommands::Manages(ctx.user, p)) return Forbidden("not kernteam", "events.error.forbidden");
  return p;
}

http::Response KernteamPages::Saved(Context& ctx, const platforms::Platform& p, int64_t id,
                                    const char* flash_key) const {
  return web_.Redirect(ctx, AdminPath(p) + "/" + std::to_string(id), web::Flash{"success", flash_key});
}

Result<http::Response> KernteamPages::List(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(auto list, commands_.OfPlatform(p.id, true));
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& e : list) {
    json j = EventJson(ctx, commands_, e, p);
    rows.push_back({{e.title, j["admin_url"].get<std::string>()},
                    {j["when"].get<std::string>()},
                    {j["status_label"].get<std::string>()}});
  }
  json data = {{"platform", PlatformJson(p)},
               {"breadcrumb", PlatformCrumbs(p, {{ctx.T("events.admin.title"), AdminPath(p)}})},
               {"new", web::ActionLink(ctx.T("events.admin.new"), AdminPath(p) + "/nieuw", web::ActionKind::kPrimary)}};
  if (rows.empty()) {
    data["empty"] = web::EmptyState(ctx.T("events.admin.none"));
  } else {
    data["table"] =
        web::Table(ctx.T("events.admin.caption"),
                   {ctx.T("events.field.title"), ctx.T("events.event.when"), ctx.T("events.admin.status")}, rows);
  }
  return web_.Render(ctx, "events/admin_list.html", "events.admin.title", data);
}

Result<http::Response> KernteamPages::ShowForm(Context& ctx, const platforms::Platform& p, const EventForm& f,
                                               const std::optional<Event>& existing, const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  AddFields(form, f);
  json data = {
      {"platform", PlatformJson(p)}, {"kinds", KindOptions(ctx, f.kind)}, {"kind_error", form.ErrorFor("kind")}};
  form.AppendTo(data);
  int status = error ? http::StatusForError(*error) : 200;
  if (!existing) {
    data["action"] = AdminPath(p) + "/nieuw";
    data["breadcrumb"] = PlatformCrumbs(
        p, {{ctx.T("events.admin.title"), AdminPath(p)}, {ctx.T("events.admin.new_title"), AdminPath(p) + "/nieuw"}});
    return web_.Render(ctx, "events/form.html", "events.admin.new_title", data, status);
  }
  const Event& e = *existing;
  WP_ASSIGN_OR_RETURN(auto registrations, commands_.Registrations(e.id));
  data["event"] = EventJson(ctx, commands_, e, p);
  std::string action = data["event"]["admin_url"].get<std::string>();
  data["action"] = action;
  data["editing"] = true;
  data["editable"] = IsEditable(e);
  data["breadcrumb"] = PlatformCrumbs(p, {{ctx.T("events.admin.title"), AdminPath(p)}, {e.title, action}});
  json actions = json::array();
  if (platforms::Can(*ctx.user, platforms::Action::kPublishEvent, p)) {
    if (e.status == EventStatus::kDraft) {
      actions.push_back(web::ActionButton(ctx.T("events.admin.publish"), action + "/publiceren", ctx.csrf_token,
                                          web::ActionKind::kPrimary));
    }
    if (IsEditable(e)) {
      actions.push_back(web::ActionButton(ctx.T("events.admin.cancel_event"), action + "/annuleren", ctx.csrf_token));
    }
  }
  data["actions"] = actions;
  data["has_actions"] = !actions.empty();
  if (registrations.empty()) {
    data["no_registrations"] = web::EmptyState(ctx.T("events.admin.no_registrations"));
  } else {
    data["registrations"] = RegistrationsTable(ctx, registrations);
  }
  return web_.Render(ctx, "events/form.html", "events.admin.edit_title", data, status);
}

Result<http::Response> KernteamPages::ShowEdit(Context& ctx, const platforms::Platform& p, int64_t id,
                                               const std::optional<EventForm>& typed, const Error* error) {
  WP_ASSIGN_OR_RETURN(auto e, commands_.Find(id));
  if (!e || e->platform_id != p.id) return NotFound("no such event", "events.not_found");
  return ShowForm(ctx, p, typed ? *typed : FormFromEvent(*e, commands_.zone()), e, error);
}

Result<http::Response> KernteamPages::NewForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  EventForm f;
  f.kind = EventKindName(EventKind::kThemeMeeting);
  return ShowForm(ctx, p, f, std::nullopt, nullptr);
}

Result<http::Response> KernteamPages::Create(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  EventForm f = FormFromPost(ctx.form);
  auto id = commands_.Create(*ctx.user, p, f);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, p, f, std::nullopt, &id.error());
    return id.error();
  }
  return Saved(ctx, p, *id, "events.admin.created");
}

Result<http::Response> KernteamPages::Edit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowEdit(ctx, p, id, std::nullopt, nullptr);
}

Result<http::Response> KernteamPages::Update(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  EventForm f = FormFromPost(ctx.form);
  auto r = commands_.Update(*ctx.user, p, id, f);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowEdit(ctx, p, id, f, &r.error());
    return r.error();
  }
  return Saved(ctx, p, id, "events.admin.saved");
}

Result<http::Response> KernteamPages::Publish(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(commands_.Publish(*ctx.user, p, id));
  return Saved(ctx, p, id, "events.admin.published");
}

Result<http::Response> KernteamPages::Cancel(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int told, commands_.Cancel(*ctx.user, p, id));
  return Saved(ctx, p, id, "events.admin.cancelled");
}

}  // namespace wp::events
