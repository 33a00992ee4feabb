#include "features/events/pages.h"

#include "core/strings.h"
#include "core/web/forms.h"
#include "features/news/markdown.h"
#include "features/platforms/permissions.h"

namespace wp::events {

namespace {

using nlohmann::json;
using web::Context;
using web::FormErrors;

const std::vector<std::pair<std::string, std::string>> kLabels = {
    {"title", "events.field.title"},
    {"kind", "events.field.kind"},
    {"description", "events.field.description"},
    {"start_date", "events.field.start_date"},
    {"start_time", "events.field.start_time"},
    {"end_date", "events.field.end_date"},
    {"end_time", "events.field.end_time"},
    {"place", "events.field.place"},
    {"capacity", "events.field.capacity"},
    {"name", "events.field.name"},
    {"email", "events.field.email"},
};

std::string LabelOf(const std::string& field) {
  for (const auto& [f, l] : kLabels) {
    if (f == field) return l;
  }
  return field;
}

int64_t ParseId(std::string_view s) {
  if (s.empty() || s.size() > 15) return 0;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

http::Response CalendarResponse(std::string body) {
  http::Response r;
  r.status = 200;
  r.headers.Set("Content-Type", "text/calendar; charset=utf-8");
  r.headers.Set("Cache-Control", "public, max-age=300");
  r.body = std::move(body);
  return r;
}

EventForm FormFromPost(const http::FormData& f) {
  return {f.Get("title"),    f.Get("kind"),     f.Get("description"), f.Get("start_date"), f.Get("start_time"),
          f.Get("end_date"), f.Get("end_time"), f.Get("place"),       f.Get("capacity")};
}

}  // namespace

void AddEventRoutes(http::Router& router, const web::Web& web, EventCommands& commands,
                    geography::GeographyService& geography) {
  const platforms::PlatformDirectory& directory = commands.directory();

  // The platform of a {slug}, or nullopt after putting an error page in `out`.
  auto platform_of = [&web, &directory](Context& ctx, std::string_view slug,
                                        http::Response& out) -> std::optional<platforms::Platform> {
    auto p = directory.FindBySlug(slug);
    if (!p.has_value()) {
      out = web.ErrorPage(ctx, p.error());
      return std::nullopt;
    }
    if (!*p) {
      out = web.ErrorPage(ctx, NotFound("no such platform"));
      return std::nullopt;
    }
    return **p;
  };

  auto event_json = [&commands](const Context& ctx, const Event& e, const platforms::Platform& p) {
    json j;
    j["id"] = e.id;
    j["title"] = e.title;
    j["kind"] = ctx.T("events.kind." + e.kind);
    j["when"] = commands.FormatWhen(e, ctx.locale);
    j["place"] = e.place;
    j["status_label"] = ctx.T("events.status." + std::string(EventStatusName(e.status)));
    j["draft"] = e.status == EventStatus::kDraft;
    j["published"] = e.status == EventStatus::kPublished;
    j["cancelled"] = e.status == EventStatus::kCancelled;
    j["capacity"] = e.capacity ? std::to_string(*e.capacity) : "";
    j["url"] = "/activiteit/" + std::to_string(e.id);
    j["admin_url"] = "/wijkplatform/" + p.slug + "/beheer/activiteiten/" + std::to_string(e.id);
    return j;
  };

  auto feed_links = [&web](json& data, const std::string& path) {
    data["ics_url"] = path;
    std::string base = web.options().base_url;
    size_t scheme = base.find("://");
    data["webcal_url"] = "webcal://" + (scheme == std::string::npos ? base : base.substr(scheme + 3)) + path;
  };

  // --- public agenda and feeds ---
  router.Get("/wijkplatform/{slug}/agenda",
             web.Page([&web, &commands, platform_of, event_json, feed_links](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = platform_of(ctx, req.Param("slug"), err);
               if (!p) return err;
               auto list = commands.OfPlatform(p->id, false);
               if (!list.has_value()) return web.ErrorPage(ctx, list.error());
               json data;
               data["platform"] = {{"name", p->name}, {"slug", p->slug}};
               data["upcoming"] = json::array();
               data["past"] = json::array();
               for (const auto& e : *list) {
                 (e.ends_at_utc < commands.Now() ? data["past"] : data["upcoming"]).push_back(event_json(ctx, e, *p));
               }
               data["has_past"] = !data["past"].empty();
               data["manages"] = EventCommands::Manages(ctx.user, *p);
               feed_links(data, "/wijkplatform/" + p->slug + "/agenda.ics");
               return web.Render(ctx, "events/agenda.html", "events.agenda.title", data);
             }));

  router.Get("/wijkplatform/{slug}/agenda.ics", web.Page([&web, &commands, platform_of](http::Request& req, Context& ctx) {
    http::Response err;
    auto p = platform_of(ctx, req.Param("slug"), err);
    if (!p) return err;
    auto ics = commands.PlatformCalendar(*p);
    if (!ics.has_value()) return web.ErrorPage(ctx, ics.error());
    return CalendarResponse(std::move(*ics));
  }));

  router.Get("/wijk/{code}/agenda.ics", web.Page([&web, &commands, &geography](http::Request& req, Context& ctx) {
    auto m = geography.current();
    auto code = geography::DistrictCode::Parse(req.Param("code"));
    const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr;
    if (!d) return web.ErrorPage(ctx, NotFound("no such wijk"));
    auto ics = commands.DistrictCalendar(d->code.str(), d->name);
    if (!ics.has_value()) return web.ErrorPage(ctx, ics.error());
    return CalendarResponse(std::move(*ics));
  }));

  // --- the event page, registration and cancellation ---
  auto render_event = [&web, &commands, &directory, event_json](Context& ctx, int64_t id, const FormErrors& errors,
                                                                 const http::FormData& form, int status) {
    auto e = commands.Find(id);
    if (!e.has_value()) return web.ErrorPage(ctx, e.error());
    auto p = *e ? directory.FindById((*e)->platform_id) : Result<std::optional<platforms::Platform>>(std::nullopt);
    if (!p.has_value()) return web.ErrorPage(ctx, p.error());
    bool manages = *p && EventCommands::Manages(ctx.user, **p);
    if (!*e || !*p || !CanSeeEvent(**e, manages)) return web.ErrorPage(ctx, NotFound("no such event"));
    const Event& ev = **e;
    json data = event_json(ctx, ev, **p);
    data["platform"] = {{"name", (*p)->name}, {"slug", (*p)->slug}};
    data["description_html"] = news::RenderMarkdown(ev.description);
    data["manages"] = manages;
    data["can_register"] = CanRegister(ev, commands.Now());
    auto regs = commands.Registrations(ev.id);
    if (!regs.has_value()) return web.ErrorPage(ctx, regs.error());
    platforms::EventRoster roster = RosterOf(ev, *regs);
    int confirmed = platforms::ConfirmedCount(roster), waiting = platforms::WaitingCount(roster);
    data["confirmed_count"] = confirmed;
    data["waiting_count"] = waiting;
    data["full"] = ev.capacity && confirmed >= *ev.capacity;
    if (ev.capacity) data["places_left"] = std::max(0, *ev.capacity - confirmed);
    if (ctx.user) {
      const platforms::Registration* mine =
          platforms::FindLiveRegistration(roster, platforms::Participant{ctx.user->id, "", ""});
      if (mine) {
        data["registered"] = true;
        data["mine_waiting"] = mine->state == platforms::RegistrationState::kWaiting;
        data["can_cancel"] = CanCancelRegistration(ev, commands.Now());
      }
    }
    data["fields"]["name"] = web::FieldJson(ctx, {.name = "name", .label_key = "events.field.name", .value = form.Get("name"),
                                                  .autocomplete = "name", .error_key = errors.KeyFor("name")});
    data["fields"]["email"] = web::FieldJson(ctx, {.name = "email", .label_key = "events.field.email", .type = "email",
                                                   .value = form.Get("email"), .autocomplete = "email",
                                                   .description_key = "events.field.email_hint",
                                                   .error_key = errors.KeyFor("email")});
    errors.AppendTo(data);
    data["page_title"] = ev.title;
    return web.Render(ctx, "events/event.html", "events.event.title", data, status);
  };

  router.Get("/activiteit/{id}", web.Page([render_event](http::Request& req, Context& ctx) {
    return render_event(ctx, ParseId(req.Param("id")), FormErrors(), http::FormData(), 200);
  }));

  router.Post("/activiteit/{id}/aanmelden", web.Page([&web, &commands, render_event](http::Request& req, Context& ctx) {
    int64_t id = ParseId(req.Param("id"));
    platforms::Participant who;
    if (ctx.user) {
      who = {ctx.user->id, ctx.user->display_name, ctx.user->email};
    } else {
      who = {std::nullopt, ctx.form.Get("name"), ctx.form.Get("email")};
    }
    auto r = commands.Register(id, who, ctx.locale);
    if (!r.has_value()) {
      const Error& e = r.error();
      FormErrors errors;
      if (e.user_message_key == "events.registration.missing_name") {
        errors.Add(ctx, "name", "events.field.name", e.user_message_key);
      } else if (e.user_message_key == "events.registration.bad_email" ||
                 e.user_message_key == "events.registration.already") {
        errors.Add(ctx, "email", "events.field.email", e.user_message_key);
      } else if (e.code == ErrorCode::kConflict) {
        return web.Redirect(ctx, "/activiteit/" + std::to_string(id), web::Flash{"error", e.user_message_key});
      } else {
        return web.ErrorPage(ctx, e);
      }
      return render_event(ctx, id, errors, ctx.form, 422);
    }
    std::string key = r->state == platforms::RegistrationState::kWaiting ? "events.registration.waiting_done"
                                                                            : "events.registration.done";
    return web.Redirect(ctx, "/activiteit/" + std::to_string(id), web::Flash{"success", key});
  }));

  router.Post("/activiteit/{id}/afmelden", web.Page([&web, &commands](http::Request& req, Context& ctx) {
    int64_t id = ParseId(req.Param("id"));
    auto r = commands.CancelRegistrationOf(id, ctx.user->id);
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kInternal) return web.ErrorPage(ctx, r.error());
      return web.Redirect(ctx, "/activiteit/" + std::to_string(id), web::Flash{"error", r.error().user_message_key});
    }
    return web.Redirect(ctx, "/activiteit/" + std::to_string(id), web::Flash{"success", "events.registration.cancelled"});
  }, {.require_login = true}));

  auto render_link = [&web, &commands](Context& ctx, const std::string& token, int status) {
    auto found = commands.FindByToken(token);
    if (!found.has_value()) return web.ErrorPage(ctx, found.error());
    if (!*found || (*found)->registration.registration.state == platforms::RegistrationState::kCancelled) {
      return web.Message(ctx, 404, "events.link.title", "events.registration.bad_link");
    }
    json data;
    data["token"] = token;
    data["event"] = {{"title", (*found)->event.title}, {"when", commands.FormatWhen((*found)->event, ctx.locale)},
                     {"url", "/activiteit/" + std::to_string((*found)->event.id)}};
    data["name"] = (*found)->registration.registration.participant.name;
    data["open"] = CanCancelRegistration((*found)->event, commands.Now());
    return web.Render(ctx, "events/cancel_link.html", "events.link.title", data, status);
  };

  router.Get("/activiteit/afmelden/{token}", web.Page([render_link](http::Request& req, Context& ctx) {
    return render_link(ctx, std::string(req.Param("token")), 200);
  }));

  router.Post("/activiteit/afmelden/{token}", web.Page([&web, &commands](http::Request& req, Context& ctx) {
    auto r = commands.CancelByToken(std::string(req.Param("token")));
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kNotFound) return web.Message(ctx, 404, "events.link.title", r.error().user_message_key);
      if (r.error().code == ErrorCode::kConflict) return web.Message(ctx, 409, "events.link.title", r.error().user_message_key);
      return web.ErrorPage(ctx, r.error());
    }
    return web.Message(ctx, 200, "events.link.title", "events.registration.cancelled");
  }));

  // --- kernteam pages ---
  auto managed = [&web, platform_of](Context& ctx, std::string_view slug,
                                     http::Response& out) -> std::optional<platforms::Platform> {
    auto p = platform_of(ctx, slug, out);
    if (!p) return std::nullopt;
    if (!EventCommands::Manages(ctx.user, *p)) {
      out = web.ErrorPage(ctx, Forbidden("not kernteam", "events.error.forbidden"));
      return std::nullopt;
    }
    return p;
  };

  router.Get("/wijkplatform/{slug}/beheer/activiteiten",
             web.Page([&web, &commands, managed, event_json](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = managed(ctx, req.Param("slug"), err);
               if (!p) return err;
               auto list = commands.OfPlatform(p->id, true);
               if (!list.has_value()) return web.ErrorPage(ctx, list.error());
               json data;
               data["platform"] = {{"name", p->name}, {"slug", p->slug}};
               data["events"] = json::array();
               for (const auto& e : *list) data["events"].push_back(event_json(ctx, e, *p));
               data["has_events"] = !data["events"].empty();
               return web.Render(ctx, "events/admin_list.html", "events.admin.title", data);
             }, {.require_login = true}));

  auto render_form = [&web](Context& ctx, const platforms::Platform& p, const EventForm& f, const FormErrors& errors,
                            std::optional<Event> existing, json extra, int status) {
    json data = std::move(extra);
    data["platform"] = {{"name", p.name}, {"slug", p.slug}};
    auto field = [&](const std::string& name, const std::string& value, const std::string& type, bool required,
                     const std::string& hint) {
      data["fields"][name] = web::FieldJson(ctx, {.name = name, .label_key = LabelOf(name), .type = type,
                                                  .value = value, .description_key = hint,
                                                  .error_key = errors.KeyFor(name), .required = required,
                                                  .textarea = name == "description", .rows = 8,
                                                  .inputmode = name == "capacity" ? "numeric" : ""});
    };
    field("title", f.title, "text", true, "");
    field("description", f.description, "text", false, "events.field.description_hint");
    field("start_date", f.start_date, "date", true, "events.field.date_hint");
    field("start_time", f.start_time, "time", true, "events.field.time_hint");
    field("end_date", f.end_date, "date", false, "events.field.end_date_hint");
    field("end_time", f.end_time, "time", true, "events.field.time_hint");
    field("place", f.place, "text", true, "");
    field("capacity", f.capacity, "text", false, "events.field.capacity_hint");
    data["kinds"] = json::array();
    for (auto k : platforms::kAllEventKinds) {
      std::string name(platforms::EventKindName(k));
      data["kinds"].push_back({{"value", name}, {"label", ctx.T("events.kind." + name)}, {"selected", name == f.kind}});
    }
    data["kind_error"] = errors.KeyFor("kind").empty() ? "" : ctx.T(errors.KeyFor("kind"));
    errors.AppendTo(data);
    std::string base = "/wijkplatform/" + p.slug + "/beheer/activiteiten";
    if (existing) {
      data["action"] = base + "/" + std::to_string(existing->id);
      data["editing"] = true;
      return web.Render(ctx, "events/form.html", "events.admin.edit_title", data, status);
    }
    data["action"] = base + "/nieuw";
    return web.Render(ctx, "events/form.html", "events.admin.new_title", data, status);
  };

  auto add_errors = [](Context& ctx, FormErrors& errors, const std::vector<EventFieldError>& list) {
    for (const auto& fe : list) errors.Add(ctx, fe.field, LabelOf(fe.field), std::string(EventFieldProblemKey(fe.problem)));
  };

  router.Get("/wijkplatform/{slug}/beheer/activiteiten/nieuw",
             web.Page([managed, render_form](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = managed(ctx, req.Param("slug"), err);
               if (!p) return err;
               EventForm f;
               f.kind = "theme_meeting";
               return render_form(ctx, *p, f, FormErrors(), std::nullopt, json::object(), 200);
             }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/activiteiten/nieuw",
              web.Page([&web, &commands, managed, render_form, add_errors](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), err);
                if (!p) return err;
                EventForm f = FormFromPost(ctx.form);
                EventRejected rejected;
                auto id = commands.Create(*ctx.user, *p, f, &rejected);
                if (!id.has_value()) {
                  if (id.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, id.error());
                  FormErrors errors;
                  add_errors(ctx, errors, rejected.errors);
                  return render_form(ctx, *p, f, errors, std::nullopt, json::object(), 422);
                }
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/activiteiten/" + std::to_string(*id),
                                    web::Flash{"success", "events.admin.created"});
              }, {.require_login = true}));

  // The edit page: form, status buttons and the list of registrations.
  auto edit_page = [&web, &commands, render_form, event_json](Context& ctx, const platforms::Platform& p, int64_t id,
                                                              std::optional<EventForm> typed, const FormErrors& errors,
                                                              int status) {
    auto e = commands.Find(id);
    if (!e.has_value()) return web.ErrorPage(ctx, e.error());
    if (!*e || (*e)->platform_id != p.id) return web.ErrorPage(ctx, NotFound("no such event"));
    auto regs = commands.Registrations(id);
    if (!regs.has_value()) return web.ErrorPage(ctx, regs.error());
    json extra;
    extra["event"] = event_json(ctx, **e, p);
    extra["can_publish"] = platforms::Can(*ctx.user, platforms::Action::kPublishEvent, p);
    extra["editable"] = IsEditable(**e);
    extra["registrations"] = json::array();
    for (const auto& s : *regs) {
      const auto& r = s.registration;
      extra["registrations"].push_back(
          {{"name", r.participant.name},
           {"email", r.participant.email},
           {"one_off", !r.participant.user_id.has_value()},
           {"state", ctx.T("events.registration_state." + std::string(platforms::RegistrationStateName(r.state)))}});
    }
    extra["has_registrations"] = !extra["registrations"].empty();
    return render_form(ctx, p, typed ? *typed : FormFromEvent(**e, commands.zone()), errors, **e, extra, status);
  };

  router.Get("/wijkplatform/{slug}/beheer/activiteiten/{id}", web.Page([managed, edit_page](http::Request& req, Context& ctx) {
    http::Response err;
    auto p = managed(ctx, req.Param("slug"), err);
    if (!p) return err;
    return edit_page(ctx, *p, ParseId(req.Param("id")), std::nullopt, FormErrors(), 200);
  }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/activiteiten/{id}",
              web.Page([&web, &commands, managed, edit_page, add_errors](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), err);
                if (!p) return err;
                int64_t id = ParseId(req.Param("id"));
                EventForm f = FormFromPost(ctx.form);
                EventRejected rejected;
                auto r = commands.Update(*ctx.user, *p, id, f, &rejected);
                if (!r.has_value()) {
                  if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
                  FormErrors errors;
                  add_errors(ctx, errors, rejected.errors);
                  return edit_page(ctx, *p, id, f, errors, 422);
                }
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/activiteiten/" + std::to_string(id),
                                    web::Flash{"success", "events.admin.saved"});
              }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/activiteiten/{id}/publiceren",
              web.Page([&web, &commands, managed](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), err);
                if (!p) return err;
                int64_t id = ParseId(req.Param("id"));
                auto r = commands.Publish(*ctx.user, *p, id);
                if (!r.has_value()) return web.ErrorPage(ctx, r.error());
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/activiteiten/" + std::to_string(id),
                                    web::Flash{"success", "events.admin.published"});
              }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/activiteiten/{id}/annuleren",
              web.Page([&web, &commands, managed](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), err);
                if (!p) return err;
                int64_t id = ParseId(req.Param("id"));
                auto r = commands.Cancel(*ctx.user, *p, id);
                if (!r.has_value()) return web.ErrorPage(ctx, r.error());
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/activiteiten/" + std::to_string(id),
                                    web::Flash{"success", "events.admin.cancelled"});
              }, {.require_login = true}));
}

}  // namespace wp::events
