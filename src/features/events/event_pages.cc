#include "features/events/event_pages.h"

#include "core/html/markdown.h"
#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/events/event_view.h"

namespace wp::events {

namespace {

using nlohmann::json;
using web::Context;

// The facts of the event page: kind, when, place, organiser and how many
// have registered.
json Facts(const Context& ctx, const json& event, const platforms::Platform& p, const Event& e,
           const EventRoster& roster) {
  int confirmed = ConfirmedCount(roster);
  std::string registered = e.capacity ? ctx.T("events.event.registered_of_capacity",
                                              {{"confirmed_count", confirmed}, {"capacity", *e.capacity}})
                                      : ctx.T("events.event.registered_count", {{"confirmed_count", confirmed}});
  if (e.capacity && confirmed >= *e.capacity) {
    registered += " (" + ctx.T("events.event.full") + ", " +
                  ctx.T("events.event.waiting_count", {{"waiting_count", WaitingCount(roster)}}) + ")";
  }
  return web::SummaryList({{ctx.T("events.field.kind"), event["kind"].get<std::string>(), ""},
                           {ctx.T("events.event.when"), event["when"].get<std::string>(), ""},
                           {ctx.T("events.field.place"), e.place, ""},
                           {ctx.T("events.event.organiser"), p.name, AgendaPath(p)},
                           {ctx.T("events.event.registered"), registered, ""}});
}

// Whether the event is full, how many places are left, and the visitor's
// own registration with its cancel button.
void AddRegistration(const Context& ctx, const Event& e, const EventRoster& roster, int64_t now, json& data) {
  int confirmed = ConfirmedCount(roster);
  data["full"] = e.capacity && confirmed >= *e.capacity;
  if (e.capacity) {
    data["places_left"] = ctx.T("events.event.places_left", {{"places_left", std::max(0, *e.capacity - confirmed)}});
  }
  if (!ctx.user) return;
  const Registration* mine = FindLiveRegistration(roster, Participant{ctx.user->id, "", ""});
  if (!mine) return;
  data["registered"] = true;
  data["mine_waiting"] = mine->state == RegistrationState::kWaiting;
  if (CanCancelRegistration(e, now)) {
    data["cancel_mine"] =
        web::ActionButton(ctx.T("events.event.cancel_mine"), EventPath(e.id) + "/afmelden", ctx.csrf_token);
  }
}

}  // namespace

Result<http::Response> EventPages::ShowEvent(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(auto found, commands_.Find(id));
  if (!found) return NotFound("no such event", "events.not_found");
  WP_ASSIGN_OR_RETURN(auto platform, commands_.directory().FindById(found->platform_id));
  bool manages = platform && EventCommands::Manages(ctx.user, *platform);
  if (!platform || !CanSeeEvent(*found, manages)) return NotFound("no such event", "events.not_found");
  const Event& e = *found;
  const platforms::Platform& p = *platform;
  WP_ASSIGN_OR_RETURN(auto registrations, commands_.Registrations(e.id));
  EventRoster roster = RosterOf(e, registrations);
  json data = EventJson(ctx, commands_, e, p);
  data["facts"] = Facts(ctx, data, p, e, roster);
  data["breadcrumb"] = PlatformCrumbs(p, {{ctx.T("events.agenda.title"), AgendaPath(p)}, {e.title, EventPath(e.id)}});
  data["description_html"] = html::RenderMarkdown(e.description);
  if (manages) data["edit"] = web::ActionLink(ctx.T("events.event.edit"), data["admin_url"].get<std::string>());
  data["can_register"] = CanRegister(e, commands_.Now());
  AddRegistration(ctx, e, roster, commands_.Now(), data);
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "name", .label_key = "events.field.name", .value = ctx.form.Get("name"), .autocomplete = "name"});
  form.Field({.name = "email",
              .label_key = "events.field.email",
              .type = "email",
              .value = ctx.form.Get("email"),
              .autocomplete = "email",
              .description_key = "events.field.email_hint"});
  form.AppendTo(data);
  if (meetings_ && e.status != EventStatus::kDraft) {
    MeetingRef ref{e.id, e.platform_id, e.title, e.starts_at_utc, e.status == EventStatus::kCancelled, EventPath(e.id)};
    data["sections_html"] = meetings_->RenderPageSections(ref, ctx.locale);
  }
  return web_.Render(ctx, "events/event.html", "events.event.title", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> EventPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowEvent(ctx, id, nullptr);
}

Result<http::Response> EventPages::Register(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  Participant who = ctx.user ? Participant{ctx.user->id, ctx.user->display_name, ctx.user->email}
                             : Participant{std::nullopt, ctx.form.Get("name"), ctx.form.Get("email")};
  auto r = commands_.Register(id, who, ctx.locale);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowEvent(ctx, id, &r.error());
    // Closed or full: the event page says why.
    if (r.error().code == ErrorCode::kConflict) {
      return web_.Redirect(ctx, EventPath(id), web::Flash{"error", r.error().user_message_key});
    }
    return r.error();
  }
  bool waiting = r->state == RegistrationState::kWaiting;
  return web_.Redirect(
      ctx, EventPath(id),
      web::Flash{"success", waiting ? "events.registration.waiting_done" : "events.registration.done"});
}

Result<http::Response> EventPages::CancelMine(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r = commands_.CancelRegistrationOf(id, ctx.user->id);
  if (!r.has_value()) {
    if (r.error().code == ErrorCode::kInternal || r.error().code == ErrorCode::kUnavailable) return r.error();
    return web_.Redirect(ctx, EventPath(id), web::Flash{"error", r.error().user_message_key});
  }
  return web_.Redirect(ctx, EventPath(id), web::Flash{"success", "events.registration.cancelled"});
}

Result<http::Response> EventPages::CancelLink(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(auto found, commands_.FindByToken(token));
  if (!found || found->registration.registration.state == RegistrationState::kCancelled) {
    return web_.Message(ctx, 404, "events.link.title", "events.registration.bad_link");
  }
  json data = {{"token", token},
               {"event",
                {{"title", found->event.title},
                 {"when", commands_.FormatWhen(found->event, ctx.locale)},
                 {"url", EventPath(found->event.id)}}},
               {"name", found->registration.registration.participant.name},
               {"open", CanCancelRegistration(found->event, commands_.Now())}};
  return web_.Render(ctx, "events/cancel_link.html", "events.link.title", data);
}

Result<http::Response> EventPages::CancelByLink(Context& ctx) {
  auto r = commands_.CancelByToken(std::string(ctx.Param("token")));
  if (!r.has_value()) {
    const Error& e = r.error();
    if (e.code == ErrorCode::kNotFound || e.code == ErrorCode::kConflict) {
      return web_.Message(ctx, http::StatusForError(e), "events.link.title", e.user_message_key);
    }
    return e;
  }
  return web_.Message(ctx, 200, "events.link.title", "events.registration.cancelled");
}

}  // namespace wp::events
