#include "features/platforms/pages.h"

#include <algorithm>
#include <map>

#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/geography/map_svg.h"
#include "features/platforms/directory.h"
#include "features/platforms/permissions.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

std::string StatusLabel(const Context& ctx, PlatformStatus s) {
  return ctx.T("platforms.status." + std::string(PlatformStatusName(s)));
}

// "09:30" for a time of day in minutes after midnight (24:00 for 1440).
std::string FormatMinutes(int m) { return time::FormatTime({.hour = m / 60, .minute = m % 60}); }

// "maandag" / "Monday" (Weekday counts from Monday, time:: from Sunday).
std::string DayName(Weekday d, const Context& ctx) {
  return std::string(time::WeekdayName((static_cast<int>(d) + 1) % 7, ctx.locale));
}

// "9:30" / "09.30" / "0930" -> minutes, or -1.
int ParseMinutes(std::string_view s) {
  s = Trim(s);
  std::string digits;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch != ':' && ch != '.') return -1;
  }
  if (digits.size() < 3 || digits.size() > 4) return -1;
  int h = std::stoi(digits.substr(0, digits.size() - 2));
  int m = std::stoi(digits.substr(digits.size() - 2));
  if (m >= 60 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

std::vector<std::string> ThemesFromText(std::string_view text) {
  std::vector<std::string> out;
  for (auto line : Split(text, '\n')) {
    auto t = Trim(line);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

// Budget lines from a textarea, one "description; amount" per line.
// Returns false (and the 0-based line) when a line cannot be read.
bool LinesFromText(std::string_view text, std::vector<BudgetLine>* out, int* bad_line) {
  int i = 0;
  for (auto raw : Split(text, '\n')) {
    auto line = Trim(raw);
    if (line.empty()) continue;
    size_t sep = line.rfind(';');
    if (sep == std::string_view::npos) {
      *bad_line = i;
      return false;
    }
    auto amount = ParseMoney(Trim(line.substr(sep + 1)));
    if (!amount) {
      *bad_line = i;
      return false;
    }
    out->push_back({std::string(Trim(line.substr(0, sep))), *amount});
    ++i;
  }
  return true;
}

json LinesJson(const std::vector<BudgetLine>& lines, std::string_view locale) {
  json out = json::array();
  for (const auto& l : lines)
    out.push_back({{"description", l.description}, {"amount", i18n::FormatMoney(l.amount, locale)}});
  return out;
}

std::optional<Platform> FindBySlug(db::Database& db, std::string_view slug) {
  auto r = db.Read([&](db::Connection& c) { return PlatformStore::FindBySlug(c, slug); });
  if (!r.has_value()) return std::nullopt;
  return *r;
}

const auth::User& Viewer(const Context& ctx) {
  static const auth::User anonymous;
  return ctx.user ? *ctx.user : anonymous;
}

bool IsKernteam(const Context& ctx, const Platform& p) {
  return ctx.user && ctx.user->HasRole(auth::Role::kKernteamMember, PlatformScope(p.id));
}

bool CanManage(const Context& ctx, const Platform& p) {
  const auth::User& u = Viewer(ctx);
  return Can(u, Action::kEditPlatformPage, p) || Can(u, Action::kManageKernteam, p);
}

// Names of the buurten of `area`, in code order, with their wijk.
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

std::string BoroughName(const geography::Municipality& m, std::string_view slug) {
  const geography::Borough* b = geography::FindBoroughBySlug(m, slug);
  return b ? b->name : std::string(slug);
}

json PlatformJson(const Context& ctx, const Platform& p, const geography::Municipality& m,
                  const time::TimeZone& zone) {
  json themes = json::array();
  for (const auto& t : p.themes) themes.push_back(t);
  return {{"id", p.id},
          {"slug", p.slug},
          {"name", p.name},
          {"description", p.description},
          {"themes", themes},
          {"has_themes", !p.themes.empty()},
          {"contact_email", p.contact_email},
          {"status", std::string(PlatformStatusName(p.status))},
          {"status_label", StatusLabel(ctx, p.status)},
          {"recognised", p.status == PlatformStatus::kRecognised},
          {"active", IsActive(p.status)},
          {"borough_slug", p.borough_slug},
          {"borough", BoroughName(m, p.borough_slug)},
          {"created", time::FormatDate(zone, p.created_at, ctx.locale)},
          {"converted_from_council", p.converted_from_council.value_or("")}};
}

void AddFieldErrors(const Context& ctx, web::FormErrors& errors, const std::vector<FieldError>& problems,
                    const std::string& prefix) {
  for (const auto& f : problems) {
    errors.Add(ctx, prefix + f.field, "platforms.field_label." + prefix + f.field, std::string(FieldProblemKey(f.problem)));
  }
}

}  // namespace

void AddPlatformRoutes(http::Router& router, const web::Web& web, db::Database& db, PlatformCommands& commands,
                       geography::GeographyService& geo, const time::TimeZone& zone) {
  // ---------------------------------------------------------------- overview
  router.Get("/wijkplatforms", web.Page([&web, &db, &geo, &zone](http::Request&, Context& ctx) {
    auto m = geo.current();
    auto all = db.Read([](db::Connection& c) { return PlatformStore::List(c); });
    if (!all.has_value()) return web.ErrorPage(ctx, all.error());
    std::map<std::string, std::vector<const Platform*>> by_district;
    for (const auto& p : *all) {
      if (!IsActive(p.status)) continue;
      std::set<std::string> districts;
      for (const auto& code : p.area) {
        if (IsNeighbourhoodCode(code)) districts.insert(DistrictOfNeighbourhood(code));
      }
      for (const auto& d : districts) by_district[d].push_back(&p);
    }
    int recognised = 0, forming = 0, none = 0;
    json boroughs = json::array();
    for (const auto& b : m->boroughs) {
      json districts = json::array();
      for (const geography::District* d : geography::DistrictsOfBorough(*m, b.name)) {
        json platforms = json::array();
        PlatformStatus best = PlatformStatus::kEnded;
        for (const Platform* p : by_district[d->code.str()]) {
          platforms.push_back({{"slug", p->slug}, {"name", p->name}, {"status_label", StatusLabel(ctx, p->status)}});
          if (p->status == PlatformStatus::kRecognised) best = PlatformStatus::kRecognised;
          else if (best != PlatformStatus::kRecognised) best = PlatformStatus::kInFormation;
        }
        if (platforms.empty()) ++none;
        else if (best == PlatformStatus::kRecognised) ++recognised;
        else ++forming;
        districts.push_back({{"code", d->code.str()}, {"name", d->name}, {"platforms", platforms},
                             {"has_platform", !platforms.empty()}});
      }
      boroughs.push_back({{"name", b.name}, {"slug", b.slug}, {"districts", districts}});
    }
    json list = json::array();
    for (const auto& p : *all) list.push_back(PlatformJson(ctx, p, *m, zone));
    json data;
    data["boroughs"] = boroughs;
    data["platforms"] = list;
    data["has_platforms"] = !all->empty();
    data["count_recognised"] = recognised;
    data["count_forming"] = forming;
    data["count_none"] = none;
    data["summary"] =
        ctx.T("platforms.overview.summary", {{"recognised", recognised}, {"forming", forming}, {"none", none}});
    return web.Render(ctx, "platforms/overview.html", "platforms.overview.title", data);
  }));

  // ------------------------------------------------------------ registration
  auto render_register = [&web, &geo, &commands](Context& ctx, const http::FormData& form, const web::FormErrors& errors,
                                                 const std::vector<std::string>& notices, int status) {
    auto m = geo.current();
    std::set<std::string> chosen;
    for (const auto& code : form.GetAll("area")) chosen.insert(code);
    json data;
    auto field = [&](web::FieldSpec spec) {
      spec.value = form.Get(spec.name);
      spec.error_key = errors.KeyFor(spec.name);
      return web::FieldJson(ctx, spec);
    };
    data["fields"]["name"] = field({.name = "name", .label_key = "platforms.field_label.name"});
    data["fields"]["description"] = field({.name = "description", .label_key = "platforms.field_label.description",
                                           .description_key = "platforms.register.description_hint", .textarea = true});
    data["fields"]["themes"] = field({.name = "themes", .label_key = "platforms.field_label.themes",
                                      .description_key = "platforms.register.themes_hint", .required = false,
                                      .textarea = true, .rows = 4});
    data["fields"]["contact_email"] = field({.name = "contact_email", .label_key = "platforms.field_label.contact_email",
                                             .type = "email", .autocomplete = "email"});
    json boroughs = json::array();
    for (const auto& b : m->boroughs) {
      json districts = json::array();
      for (const geography::District* d : geography::DistrictsOfBorough(*m, b.name)) {
        json buurten = json::array();
        for (const geography::Neighbourhood* n : geography::NeighbourhoodsOfDistrict(*m, d->code)) {
          buurten.push_back({{"code", n->code.str()}, {"name", n->name}, {"checked", chosen.contains(n->code.str())}});
        }
        districts.push_back({{"code", d->code.str()}, {"name", d->name}, {"neighbourhoods", buurten}});
      }
      boroughs.push_back({{"name", b.name}, {"districts", districts}});
    }
    data["boroughs"] = boroughs;
    data["area_error"] = errors.KeyFor("area").empty() ? "" : ctx.T(errors.KeyFor("area"));
    json notice_list = json::array();
    for (const auto& n : notices) notice_list.push_back(n);
    data["notices"] = notice_list;
    data["has_notices"] = !notices.empty();
    data["map_html"] = chosen.empty() ? "" : AreaMapSvg(ctx, *m, chosen, "aanmeldkaart", ctx.T("platforms.register.chosen_area"));
    data["chosen"] = AreaJson(*m, chosen);
    data["has_chosen"] = !chosen.empty();
    json councils = json::array();
    bool open = IsCouncilConversionOpen(commands.Now());
    if (open) {
      for (const auto& c : m->council_mappings) {
        councils.push_back({{"name", c.council_name}, {"selected", form.Get("council") == c.council_name}});
      }
    }
    data["councils"] = councils;
    data["conversion_open"] = open && !councils.empty();
    errors.AppendTo(data);
    return web.Render(ctx, "platforms/register.html", "platforms.register.title", data, status);
  };

  router.Get("/wijkplatforms/aanmelden", web.Page([render_register](http::Request&, Context& ctx) {
    return render_register(ctx, http::FormData(), web::FormErrors(), {}, 200);
  }, {.require_login = true}));

  router.Post("/wijkplatforms/aanmelden", web.Page([&web, &commands, &geo, render_register](http::Request&, Context& ctx) {
    if (ctx.form.Get("action") == "preview") return render_register(ctx, ctx.form, web::FormErrors(), {}, 200);
    RegisterInput in;
    in.name = ctx.form.Get("name");
    in.description = ctx.form.Get("description");
    in.contact_email = ctx.form.Get("contact_email");
    in.themes = ThemesFromText(ctx.form.Get("themes"));
    for (const auto& code : ctx.form.GetAll("area")) in.area.insert(code);
    if (!Trim(ctx.form.Get("council")).empty()) in.converted_from_council = ctx.form.Get("council");
    RegisterRejected rejected;
    auto r = commands.Register(*ctx.user, in, &rejected);
    if (r.has_value()) {
      return web.Redirect(ctx, "/wijkplatform/" + r->slug, web::Flash{"success", "platforms.register.done"});
    }
    if (r.error().code != ErrorCode::kInvalidInput && r.error().code != ErrorCode::kConflict) {
      return web.ErrorPage(ctx, r.error());
    }
    web::FormErrors errors;
    AddFieldErrors(ctx, errors, rejected.fields, "");
    std::vector<std::string> notices;
    if (rejected.area) {
      std::string codes = JoinStrings(rejected.area->codes, ", ");
      errors.Add(ctx, "area", "platforms.field_label.area", std::string(AreaProblemKey(rejected.area->problem)));
      if (!codes.empty()) notices.push_back(ctx.T("platforms.area.codes", {{"codes", codes}}));
    }
    auto m = geo.current();
    for (const auto& o : rejected.overlaps) {
      std::string where;
      for (const auto& code : o.codes) {
        std::string name = code;
        for (const auto& n : m->neighbourhoods) {
          if (n.code.str() == code) name = n.name;
        }
        for (const auto& d : m->districts) {
          if (d.code.str() == code) name = d.name;
        }
        where += (where.empty() ? "" : ", ") + name;
      }
      notices.push_back(ctx.T(std::string(OverlapReasonKey(o.reason)), {{"name", o.other_name}, {"areas", where}}));
    }
    if (!rejected.overlaps.empty()) errors.Add(ctx, "area", "platforms.field_label.area", "platforms.overlap.refused");
    if (rejected.conversion) {
      errors.Add(ctx, "council", "platforms.field_label.council", std::string(ConversionProblemKey(*rejected.conversion)));
    }
    if (errors.empty()) errors.Add(ctx, "area", "platforms.field_label.area", r.error().user_message_key.empty()
                                                                                 ? "platforms.overlap.claimed"
                                                                                 : r.error().user_message_key);
    return render_register(ctx, ctx.form, errors, notices, r.error().code == ErrorCode::kConflict ? 409 : 422);
  }, {.require_login = true}));

  // ------------------------------------------------------------ public page
  router.Get("/wijkplatform/{slug}", web.Page([&web, &db, &geo, &zone](http::Request& req, Context& ctx) {
    auto p = FindBySlug(db, req.Param("slug"));
    if (!p) return web.ErrorPage(ctx, NotFound("no such platform"));
    auto m = geo.current();
    struct Extra {
      std::vector<KernteamRow> kernteam;
      std::vector<WorkingGroupRow> groups;
      std::vector<OfficeHours> hours;
      std::optional<MemberRow> me;
      std::vector<int64_t> my_groups;
      int64_t members = 0;
    };
    int64_t uid = ctx.user ? ctx.user->id : 0;
    auto extra = db.Read([&](db::Connection& c) -> Result<Extra> {
      Extra e;
      WP_ASSIGN_OR_RETURN(e.kernteam, PlatformStore::Kernteam(c, p->id));
      WP_ASSIGN_OR_RETURN(e.groups, PlatformStore::WorkingGroups(c, p->id));
      WP_ASSIGN_OR_RETURN(e.hours, PlatformStore::OfficeHoursOf(c, p->id));
      WP_ASSIGN_OR_RETURN(e.members, PlatformStore::CountMembers(c, p->id));
      if (uid) {
        WP_ASSIGN_OR_RETURN(e.me, PlatformStore::FindMember(c, p->id, uid));
        WP_ASSIGN_OR_RETURN(e.my_groups, PlatformStore::GroupsOfUser(c, p->id, uid));
      }
      return e;
    });
    if (!extra.has_value()) return web.ErrorPage(ctx, extra.error());
    json data;
    data["platform"] = PlatformJson(ctx, *p, *m, zone);
    data["area"] = AreaJson(*m, p->area);
    data["map_html"] = AreaMapSvg(ctx, *m, p->area, "platformkaart", p->name);
    json team = json::array();
    for (const auto& k : extra->kernteam) team.push_back({{"name", k.display_name}});
    data["kernteam"] = team;
    json groups = json::array();
    bool is_member = extra->me.has_value();
    for (const auto& g : extra->groups) {
      bool in = std::find(extra->my_groups.begin(), extra->my_groups.end(), g.group.id) != extra->my_groups.end();
      groups.push_back({{"id", g.group.id}, {"theme", g.group.theme}, {"description", g.group.description},
                        {"contact_name", g.group.contact.name}, {"contact_email", g.group.contact.email},
                        {"member_count", g.member_count}, {"in_group", in}, {"can_join", is_member && !in}});
    }
    data["groups"] = groups;
    data["has_groups"] = !groups.empty();
    json hours = json::array();
    for (const auto& h : extra->hours) {
      hours.push_back({{"weekday", DayName(h.weekday, ctx)},
                       {"start", FormatMinutes(h.start_minute)}, {"end", FormatMinutes(h.end_minute)}, {"place", h.place}});
    }
    data["hours"] = hours;
    data["has_hours"] = !hours.empty();
    data["member_count"] = extra->members;
    data["signed_in"] = ctx.signed_in();
    data["is_member"] = is_member;
    if (is_member) {
      data["me"] = {{"kind", ctx.T("platforms.member_kind." + std::string(MemberKindName(extra->me->member.kind)))},
                    {"newsletter", extra->me->mail_newsletter}, {"events", extra->me->mail_events}};
    }
    json kinds = json::array();
    for (MemberKind k : kAllMemberKinds) {
      kinds.push_back({{"value", std::string(MemberKindName(k))},
                       {"label", ctx.T("platforms.member_kind." + std::string(MemberKindName(k)))},
                       {"checked", k == MemberKind::kResident}});
    }
    data["member_kinds"] = kinds;
    data["can_join"] = IsActive(p->status) && !is_member;
    data["can_manage"] = CanManage(ctx, *p);
    data["can_see_status"] = CanManage(ctx, *p) || IsKernteam(ctx, *p) ||
                             Can(Viewer(ctx), Action::kReviewRecognition, *p);
    data["can_see_subsidy"] = IsKernteam(ctx, *p) || Can(Viewer(ctx), Action::kGrantSubsidy, *p);
    data["title"] = p->name;
    data["login_next"] = "/inloggen?next=/wijkplatform/" + p->slug;
    return web.Render(ctx, "platforms/platform.html", "", data);
  }));

  // -------------------------------------------------------------- membership
  auto with_platform = [&web, &db](auto fn) {
    return [&web, &db, fn](http::Request& req, Context& ctx) -> http::Response {
      auto p = FindBySlug(db, req.Param("slug"));
      if (!p) return web.ErrorPage(ctx, NotFound("no such platform"));
      return fn(req, ctx, *p);
    };
  };
  auto done = [&web](Context& ctx, const Platform& p, const Result<void>& r, const char* flash,
                     const std::string& back = "") {
    if (!r.has_value()) return web.ErrorPage(ctx, r.error());
    return web.Redirect(ctx, back.empty() ? "/wijkplatform/" + p.slug : back, web::Flash{"success", flash});
  };

  router.Post("/wijkplatform/{slug}/lid-worden",
              web.Page(with_platform([&commands, &web, done](http::Request&, Context& ctx, const Platform& p) {
                auto kind = ParseMemberKind(ctx.form.Get("kind"));
                if (!kind) return web.ErrorPage(ctx, InvalidInput("bad member kind", "platforms.member.bad_kind"));
                return done(ctx, p, commands.Join(*ctx.user, p.id, *kind, ctx.form.Get("organisation_name")),
                            "platforms.member.joined");
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/opzeggen",
              web.Page(with_platform([&commands, done](http::Request&, Context& ctx, const Platform& p) {
                return done(ctx, p, commands.Leave(*ctx.user, p.id), "platforms.member.left");
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/email",
              web.Page(with_platform([&commands, done](http::Request&, Context& ctx, const Platform& p) {
                return done(ctx, p,
                            commands.SetMail(*ctx.user, p.id, ctx.form.Get("newsletter") == "1",
                                             ctx.form.Get("events") == "1"),
                            "platforms.member.mail_saved");
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/werkgroepen/{id}/deelnemen",
              web.Page(with_platform([&commands, done](http::Request& req, Context& ctx, const Platform& p) {
                int64_t id = std::atoll(std::string(req.Param("id")).c_str());
                return done(ctx, p, commands.JoinWorkingGroup(*ctx.user, p.id, id), "platforms.group.joined");
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/werkgroepen/{id}/verlaten",
              web.Page(with_platform([&commands, done](http::Request& req, Context& ctx, const Platform& p) {
                int64_t id = std::atoll(std::string(req.Param("id")).c_str());
                return done(ctx, p, commands.LeaveWorkingGroup(*ctx.user, p.id, id), "platforms.group.left");
              }), {.require_login = true}));

  // ------------------------------------------------------------- management
  auto render_manage = [&web, &db, &zone](Context& ctx, const Platform& p, const http::FormData& form,
                                   const web::FormErrors& errors, int status) {
    struct Extra {
      std::vector<KernteamRow> kernteam;
      std::vector<WorkingGroupRow> groups;
      std::vector<OfficeHours> hours;
      std::vector<MemberRow> members;
    };
    auto extra = db.Read([&](db::Connection& c) -> Result<Extra> {
      Extra e;
      WP_ASSIGN_OR_RETURN(e.kernteam, PlatformStore::Kernteam(c, p.id));
      WP_ASSIGN_OR_RETURN(e.groups, PlatformStore::WorkingGroups(c, p.id));
      WP_ASSIGN_OR_RETURN(e.hours, PlatformStore::OfficeHoursOf(c, p.id));
      WP_ASSIGN_OR_RETURN(e.members, PlatformStore::Members(c, p.id));
      return e;
    });
    if (!extra.has_value()) return web.ErrorPage(ctx, extra.error());
    bool has_form = !form.Get("section").empty();
    auto val = [&](const std::string& section, const std::string& name, const std::string& current) {
      return has_form && form.Get("section") == section ? form.Get(name) : current;
    };
    auto field = [&](const std::string& section, web::FieldSpec spec, const std::string& current) {
      spec.value = val(section, spec.name, current);
      spec.error_key = errors.KeyFor(spec.name);
      return web::FieldJson(ctx, spec);
    };
    json data;
    data["platform"] = {{"slug", p.slug}, {"name", p.name}, {"status_label", StatusLabel(ctx, p.status)}};
    data["fields"]["name"] = field("details", {.name = "name", .label_key = "platforms.field_label.name"}, p.name);
    data["fields"]["description"] = field("details", {.name = "description", .label_key = "platforms.field_label.description",
                                                      .textarea = true}, p.description);
    data["fields"]["themes"] = field("details", {.name = "themes", .label_key = "platforms.field_label.themes",
                                                 .description_key = "platforms.register.themes_hint", .required = false,
                                                 .textarea = true, .rows = 4},
                                     JoinStrings(p.themes, "\n"));
    data["fields"]["contact_email"] = field("details", {.name = "contact_email", .label_key = "platforms.field_label.contact_email",
                                                        .type = "email"}, p.contact_email);
    data["fields"]["kernteam_email"] = field("kernteam", {.name = "kernteam_email", .label_key = "platforms.field_label.kernteam_email",
                                                          .type = "email", .description_key = "platforms.manage.kernteam_hint"}, "");
    data["fields"]["group_theme"] = field("group", {.name = "group_theme", .label_key = "platforms.field_label.group_theme"}, "");
    data["fields"]["group_description"] = field("group", {.name = "group_description", .label_key = "platforms.field_label.group_description",
                                                          .required = false, .textarea = true, .rows = 3}, "");
    data["fields"]["group_contact_name"] = field("group", {.name = "group_contact_name", .label_key = "platforms.field_label.group_contact_name"}, "");
    data["fields"]["group_contact_email"] = field("group", {.name = "group_contact_email", .label_key = "platforms.field_label.group_contact_email",
                                                            .type = "email"}, "");
    data["fields"]["hours_time"] = field("hours", {.name = "hours_time", .label_key = "platforms.field_label.hours_time",
                                                   .description_key = "platforms.manage.hours_time_hint"}, "");
    data["fields"]["hours_place"] = field("hours", {.name = "hours_place", .label_key = "platforms.field_label.hours_place"}, "");
    json weekdays = json::array();
    for (int i = 0; i < 7; ++i) {
      auto name = std::string(WeekdayName(static_cast<Weekday>(i)));
      weekdays.push_back({{"value", name}, {"label", DayName(static_cast<Weekday>(i), ctx)},
                          {"selected", val("hours", "hours_weekday", "monday") == name}});
    }
    data["weekdays"] = weekdays;
    data["weekday_error"] = errors.KeyFor("hours_weekday").empty() ? "" : ctx.T(errors.KeyFor("hours_weekday"));
    json team = json::array();
    for (const auto& k : extra->kernteam) team.push_back({{"user_id", k.user_id}, {"name", k.display_name}, {"email", k.email}});
    data["kernteam"] = team;
    data["can_remove_kernteam"] = extra->kernteam.size() > 1;
    json groups = json::array();
    for (const auto& g : extra->groups) {
      groups.push_back({{"id", g.group.id}, {"theme", g.group.theme}, {"contact_name", g.group.contact.name},
                        {"member_count", g.member_count}});
    }
    data["groups"] = groups;
    json hours = json::array();
    for (const auto& h : extra->hours) {
      hours.push_back({{"id", h.id}, {"weekday", DayName(h.weekday, ctx)},
                       {"start", FormatMinutes(h.start_minute)}, {"end", FormatMinutes(h.end_minute)}, {"place", h.place}});
    }
    data["hours"] = hours;
    json members = json::array();
    for (const auto& mr : extra->members) {
      members.push_back({{"name", mr.display_name},
                         {"kind", ctx.T("platforms.member_kind." + std::string(MemberKindName(mr.member.kind)))},
                         {"organisation", mr.member.organisation_name},
                         {"joined", time::FormatDate(zone, mr.member.joined_at, ctx.locale)}});
    }
    data["members"] = members;
    data["member_count"] = members.size();
    errors.AppendTo(data);
    data["title"] = ctx.T("platforms.manage.title", {{"name", p.name}});
    return web.Render(ctx, "platforms/manage.html", "", data, status);
  };

  router.Get("/wijkplatform/{slug}/beheer",
             web.Page(with_platform([&web, render_manage](http::Request&, Context& ctx, const Platform& p) {
               if (!CanManage(ctx, p)) return web.ErrorPage(ctx, Forbidden("not allowed"));
               return render_manage(ctx, p, http::FormData(), web::FormErrors(), 200);
             }), {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer",
              web.Page(with_platform([&web, &commands, render_manage](http::Request&, Context& ctx, const Platform& p) {
                std::string section = ctx.form.Get("section");
                web::FormErrors errors;
                Result<void> r = Ok();
                const char* flash = "platforms.manage.saved";
                std::vector<FieldError> fields;
                if (section == "details") {
                  Platform d;
                  d.name = ctx.form.Get("name");
                  d.description = ctx.form.Get("description");
                  d.themes = ThemesFromText(ctx.form.Get("themes"));
                  d.contact_email = ctx.form.Get("contact_email");
                  r = commands.UpdateDetails(*ctx.user, p.id, d, &fields);
                  AddFieldErrors(ctx, errors, fields, "");
                } else if (section == "kernteam") {
                  r = commands.AddKernteamMember(*ctx.user, p.id, ctx.form.Get("kernteam_email"));
                  if (!r.has_value() && r.error().code != ErrorCode::kForbidden) {
                    errors.Add(ctx, "kernteam_email", "platforms.field_label.kernteam_email", r.error().user_message_key);
                  }
                  flash = "platforms.kernteam.added";
                } else if (section == "group") {
                  WorkingGroup g;
                  g.theme = ctx.form.Get("group_theme");
                  g.description = ctx.form.Get("group_description");
                  g.contact.name = ctx.form.Get("group_contact_name");
                  g.contact.email = ctx.form.Get("group_contact_email");
                  auto id = commands.AddWorkingGroup(*ctx.user, p.id, g, &fields);
                  if (!id.has_value()) r = id.error();
                  AddFieldErrors(ctx, errors, fields, "group_");
                  flash = "platforms.group.added";
                } else if (section == "hours") {
                  OfficeHours h;
                  auto day = ParseWeekday(ctx.form.Get("hours_weekday"));
                  std::string time = ctx.form.Get("hours_time");
                  size_t dash = time.find('-');
                  h.start_minute = dash == std::string::npos ? -1 : ParseMinutes(std::string_view(time).substr(0, dash));
                  h.end_minute = dash == std::string::npos ? -1 : ParseMinutes(std::string_view(time).substr(dash + 1));
                  h.place = ctx.form.Get("hours_place");
                  if (!day) {
                    errors.Add(ctx, "hours_weekday", "platforms.field_label.hours_weekday", "platforms.field.missing");
                    r = InvalidInput("bad weekday");
                  } else {
                    h.weekday = *day;
                    auto id = commands.AddOfficeHours(*ctx.user, p.id, h, &fields);
                    if (!id.has_value()) r = id.error();
                    for (const auto& f : fields) {
                      std::string name = f.field == "time" ? "hours_time" : "hours_place";
                      errors.Add(ctx, name, "platforms.field_label." + name, std::string(FieldProblemKey(f.problem)));
                    }
                  }
                  flash = "platforms.hours.added";
                } else {
                  return web.ErrorPage(ctx, InvalidInput("unknown section"));
                }
                if (r.has_value()) return web.Redirect(ctx, "/wijkplatform/" + p.slug + "/beheer", web::Flash{"success", flash});
                if (r.error().code == ErrorCode::kForbidden || errors.empty()) return web.ErrorPage(ctx, r.error());
                return render_manage(ctx, p, ctx.form, errors, 422);
              }), {.require_login = true}));

  auto manage_delete = [&web, with_platform, done](auto action) {
    return with_platform([&web, action, done](http::Request& req, Context& ctx, const Platform& p) {
      int64_t id = std::atoll(std::string(req.Param("id")).c_str());
      return done(ctx, p, action(ctx, p, id), "platforms.manage.removed", "/wijkplatform/" + p.slug + "/beheer");
    });
  };
  router.Post("/wijkplatform/{slug}/beheer/kernteam/{id}/verwijderen",
              web.Page(manage_delete([&commands](Context& ctx, const Platform& p, int64_t id) {
                return commands.RemoveKernteamMember(*ctx.user, p.id, id);
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/beheer/werkgroepen/{id}/verwijderen",
              web.Page(manage_delete([&commands](Context& ctx, const Platform& p, int64_t id) {
                return commands.DeleteWorkingGroup(*ctx.user, p.id, id);
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/beheer/spreekuren/{id}/verwijderen",
              web.Page(manage_delete([&commands](Context& ctx, const Platform& p, int64_t id) {
                return commands.DeleteOfficeHours(*ctx.user, p.id, id);
              }), {.require_login = true}));

  // ------------------------------------------------------------ recognition
  auto render_status = [&web, &db, &zone](Context& ctx, const Platform& p, const web::FormErrors& errors,
                                   const http::FormData& form, int status) {
    auto history = db.Read([&](db::Connection& c) { return PlatformStore::History(c, p.id); });
    if (!history.has_value()) return web.ErrorPage(ctx, history.error());
    json rows = json::array();
    for (const auto& h : *history) {
      rows.push_back({{"date", time::FormatDate(zone, h.change.changed_at, ctx.locale)},
                      {"to", StatusLabel(ctx, h.change.to)},
                      {"actor", h.actor_name},
                      {"reason", h.change.reason}});
    }
    json options = json::array();
    for (const auto& rule : RecognitionFlow()) {
      if (rule.from != p.status) continue;
      auto ok = CanTransition(p.status, rule.to, Viewer(ctx), p.borough_slug, p.id, "x");
      if (!ok.has_value()) continue;
      auto name = std::string(PlatformStatusName(rule.to));
      options.push_back({{"value", name}, {"label", ctx.T("platforms.transition_to." + name)},
                         {"selected", form.Get("to") == name}});
    }
    json data;
    data["platform"] = {{"slug", p.slug}, {"name", p.name}, {"status_label", StatusLabel(ctx, p.status)}};
    data["history"] = rows;
    data["options"] = options;
    data["can_change"] = !options.empty();
    data["fields"]["reason"] = web::FieldJson(ctx, {.name = "reason", .label_key = "platforms.field_label.reason",
                                                    .value = form.Get("reason"),
                                                    .description_key = "platforms.status.reason_hint",
                                                    .error_key = errors.KeyFor("reason"), .required = false,
                                                    .textarea = true, .rows = 4});
    data["to_error"] = errors.KeyFor("to").empty() ? "" : ctx.T(errors.KeyFor("to"));
    errors.AppendTo(data);
    data["title"] = ctx.T("platforms.status.title", {{"name", p.name}});
    return web.Render(ctx, "platforms/status.html", "", data, status);
  };
  auto may_see_status = [](const Context& ctx, const Platform& p) {
    return IsKernteam(ctx, p) || Can(Viewer(ctx), Action::kReviewRecognition, p);
  };
  router.Get("/wijkplatform/{slug}/status",
             web.Page(with_platform([&web, render_status, may_see_status](http::Request&, Context& ctx, const Platform& p) {
               if (!may_see_status(ctx, p)) return web.ErrorPage(ctx, Forbidden("not allowed"));
               return render_status(ctx, p, web::FormErrors(), http::FormData(), 200);
             }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/status",
              web.Page(with_platform([&web, &commands, render_status](http::Request&, Context& ctx, const Platform& p) {
                auto to = ParsePlatformStatus(ctx.form.Get("to"));
                web::FormErrors errors;
                if (!to) {
                  errors.Add(ctx, "to", "platforms.field_label.to", "platforms.field.missing");
                  return render_status(ctx, p, errors, ctx.form, 422);
                }
                auto r = commands.ChangeStatus(*ctx.user, p.id, *to, ctx.form.Get("reason"));
                if (r.has_value()) {
                  return web.Redirect(ctx, "/wijkplatform/" + p.slug + "/status",
                                      web::Flash{"success", "platforms.status.changed"});
                }
                if (r.error().code == ErrorCode::kInvalidInput) {
                  errors.Add(ctx, "reason", "platforms.field_label.reason", r.error().user_message_key);
                  return render_status(ctx, p, errors, ctx.form, 422);
                }
                return web.ErrorPage(ctx, r.error());
              }), {.require_login = true}));

  // ----------------------------------------------------------------- subsidy
  auto render_subsidy = [&web, &db](Context& ctx, const Platform& p, const web::FormErrors& errors,
                                    const http::FormData& form, int status) {
    auto apps = db.Read([&](db::Connection& c) { return PlatformStore::Subsidies(c, p.id); });
    if (!apps.has_value()) return web.ErrorPage(ctx, apps.error());
    const auth::User& u = Viewer(ctx);
    bool applicant = Can(u, Action::kApplyForSubsidy, p);
    bool municipality = Can(u, Action::kGrantSubsidy, p);
    json list = json::array();
    for (const auto& a : *apps) {
      auto step_ok = [&](SubsidyStep s) { return SubsidyStepResult(a.status, s).has_value(); };
      list.push_back({{"id", a.id},
                      {"year", a.year},
                      {"status_label", ctx.T("platforms.subsidy_status." + std::string(SubsidyStatusName(a.status)))},
                      {"requested", i18n::FormatMoney(a.requested, ctx.locale)},
                      {"granted", a.granted ? i18n::FormatMoney(*a.granted, ctx.locale) : ""},
                      {"settled", a.settled ? i18n::FormatMoney(*a.settled, ctx.locale) : ""},
                      {"budget", LinesJson(a.budget, ctx.locale)},
                      {"spending", LinesJson(a.spending, ctx.locale)},
                      {"has_spending", !a.spending.empty()},
                      {"decision_reason", a.decision_reason},
                      {"overspend_explanation", a.overspend_explanation},
                      {"settlement_reason", a.settlement_reason},
                      {"can_decide", municipality && step_ok(SubsidyStep::kGrant)},
                      {"can_settle", municipality && step_ok(SubsidyStep::kSettle)},
                      {"can_withdraw", applicant && step_ok(SubsidyStep::kWithdraw)},
                      {"can_report", applicant && step_ok(SubsidyStep::kReport)}});
    }
    json data;
    data["platform"] = {{"slug", p.slug}, {"name", p.name}, {"status_label", StatusLabel(ctx, p.status)}};
    data["applications"] = list;
    data["has_applications"] = !list.empty();
    data["can_apply"] = applicant;
    data["fields"]["year"] = web::FieldJson(ctx, {.name = "year", .label_key = "platforms.field_label.year",
                                                  .type = "text", .value = form.Get("year"),
                                                  .error_key = errors.KeyFor("year"), .inputmode = "numeric"});
    data["fields"]["budget"] = web::FieldJson(ctx, {.name = "budget", .label_key = "platforms.field_label.budget",
                                                    .value = form.Get("budget"),
                                                    .description_key = "platforms.subsidy.lines_hint",
                                                    .error_key = errors.KeyFor("budget"), .textarea = true, .rows = 6});
    errors.AppendTo(data);
    data["title"] = ctx.T("platforms.subsidy.title", {{"name", p.name}});
    return web.Render(ctx, "platforms/subsidy.html", "", data, status);
  };
  auto may_see_subsidy = [](const Context& ctx, const Platform& p) {
    return IsKernteam(ctx, p) || Can(Viewer(ctx), Action::kGrantSubsidy, p);
  };
  router.Get("/wijkplatform/{slug}/subsidie",
             web.Page(with_platform([&web, render_subsidy, may_see_subsidy](http::Request&, Context& ctx, const Platform& p) {
               if (!may_see_subsidy(ctx, p)) return web.ErrorPage(ctx, Forbidden("not allowed"));
               return render_subsidy(ctx, p, web::FormErrors(), http::FormData(), 200);
             }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/subsidie",
              web.Page(with_platform([&web, &commands, render_subsidy](http::Request&, Context& ctx, const Platform& p) {
                web::FormErrors errors;
                std::string year_text(Trim(ctx.form.Get("year")));
                int year = 0;
                if (year_text.size() == 4 && std::all_of(year_text.begin(), year_text.end(), ::isdigit)) {
                  year = std::stoi(year_text);
                }
                std::vector<BudgetLine> lines;
                int bad = -1;
                if (!LinesFromText(ctx.form.Get("budget"), &lines, &bad)) {
                  errors.Add(ctx, "budget", "platforms.field_label.budget", "platforms.subsidy.bad_line");
                  return render_subsidy(ctx, p, errors, ctx.form, 422);
                }
                Money total{0};
                if (CheckLines(lines).empty()) total = TotalOf(lines);
                SubsidyErrors problems;
                auto r = commands.ApplyForSubsidy(*ctx.user, p.id, year, lines, total, &problems);
                if (r.has_value()) {
                  return web.Redirect(ctx, "/wijkplatform/" + p.slug + "/subsidie",
                                      web::Flash{"success", "platforms.subsidy.applied"});
                }
                if (problems.empty()) return web.ErrorPage(ctx, r.error());
                for (const auto& pr : problems) {
                  std::string field = pr.problem == SubsidyProblem::kBadYear || pr.problem == SubsidyProblem::kAlreadyApplied
                                          ? "year" : "budget";
                  if (errors.KeyFor(field).empty()) {
                    errors.Add(ctx, field, "platforms.field_label." + field, std::string(SubsidyProblemKey(pr.problem)));
                  }
                }
                return render_subsidy(ctx, p, errors, ctx.form, 422);
              }), {.require_login = true}));
  router.Post("/wijkplatform/{slug}/subsidie/{id}/{step}",
              web.Page(with_platform([&web, &commands](http::Request& req, Context& ctx, const Platform& p) {
                int64_t id = std::atoll(std::string(req.Param("id")).c_str());
                std::string step_name(req.Param("step"));
                std::optional<SubsidyStep> step;
                if (step_name == "intrekken") step = SubsidyStep::kWithdraw;
                else if (step_name == "toekennen") step = SubsidyStep::kGrant;
                else if (step_name == "afwijzen") step = SubsidyStep::kRefuse;
                else if (step_name == "verantwoorden") step = SubsidyStep::kReport;
                else if (step_name == "vaststellen") step = SubsidyStep::kSettle;
                if (!step) return web.ErrorPage(ctx, NotFound("no such step"));
                std::optional<Money> amount;
                if (!Trim(ctx.form.Get("amount")).empty()) amount = ParseMoney(Trim(ctx.form.Get("amount")));
                std::vector<BudgetLine> spending;
                int bad = -1;
                if (*step == SubsidyStep::kReport && !LinesFromText(ctx.form.Get("spending"), &spending, &bad)) {
                  return web.ErrorPage(ctx, InvalidInput("bad line", "platforms.subsidy.bad_line"));
                }
                SubsidyErrors problems;
                auto r = commands.SubsidyStepOn(*ctx.user, p.id, id, *step, amount, ctx.form.Get("reason"),
                                                std::move(spending), &problems);
                if (!r.has_value()) return web.ErrorPage(ctx, r.error());
                return web.Redirect(ctx, "/wijkplatform/" + p.slug + "/subsidie",
                                    web::Flash{"success", "platforms.subsidy.step_done"});
              }), {.require_login = true}));

  // ------------------------------------------------- municipality overview
  router.Get("/beheer/wijkplatforms", web.Page([&web, &db, &geo, &zone](http::Request&, Context& ctx) {
    if (!CanSeeMunicipalOverview(*ctx.user)) return web.ErrorPage(ctx, Forbidden("not allowed"));
    auto m = geo.current();
    struct Data {
      std::vector<Platform> platforms;
      std::vector<SubsidyApplication> subsidies;
      std::map<PlatformId, int64_t> members;
    };
    auto d = db.Read([](db::Connection& c) -> Result<Data> {
      Data out;
      WP_ASSIGN_OR_RETURN(out.platforms, PlatformStore::List(c));
      WP_ASSIGN_OR_RETURN(out.subsidies, PlatformStore::AllSubsidies(c));
      for (const auto& p : out.platforms) {
        WP_ASSIGN_OR_RETURN(out.members[p.id], PlatformStore::CountMembers(c, p.id));
      }
      return out;
    });
    if (!d.has_value()) return web.ErrorPage(ctx, d.error());
    json rows = json::array();
    for (const auto& p : d->platforms) {
      json subs = json::array();
      for (const auto& a : d->subsidies) {
        if (a.platform_id != p.id) continue;
        subs.push_back({{"year", a.year},
                        {"status_label", ctx.T("platforms.subsidy_status." + std::string(SubsidyStatusName(a.status)))},
                        {"requested", i18n::FormatMoney(a.requested, ctx.locale)},
                        {"granted", a.granted ? i18n::FormatMoney(*a.granted, ctx.locale) : ""}});
      }
      json row = PlatformJson(ctx, p, *m, zone);
      row["members"] = d->members[p.id];
      row["subsidies"] = subs;
      row["has_subsidies"] = !subs.empty();
      rows.push_back(row);
    }
    json data;
    data["platforms"] = rows;
    data["has_platforms"] = !rows.empty();
    return web.Render(ctx, "platforms/admin.html", "platforms.admin.title", data);
  }, {.require_login = true}));

  // ------------------------------------------------------------ unsubscribe
  router.Get("/afmelden/{token}", web.Page([&web, &commands, &db](http::Request& req, Context& ctx) {
    auto hit = commands.LookupToken(req.Param("token"));
    if (!hit.has_value()) return web.ErrorPage(ctx, hit.error());
    if (!*hit) return web.ErrorPage(ctx, NotFound("unknown token", "platforms.unsubscribe.unknown"));
    auto p = db.Read([&](db::Connection& c) { return PlatformStore::Find(c, (*hit)->platform_id); });
    if (!p.has_value() || !*p) return web.ErrorPage(ctx, NotFound("unknown token", "platforms.unsubscribe.unknown"));
    json data;
    data["token"] = std::string(req.Param("token"));
    data["platform"] = {{"name", (*p)->name}, {"slug", (*p)->slug}};
    data["topic"] = ctx.T("platforms.mail_topic." + (*hit)->topic);
    data["subscribed"] = (*hit)->subscribed;
    return web.Render(ctx, "platforms/unsubscribe.html", "platforms.unsubscribe.title", data);
  }));
  // No CSRF check: the secret token in the path is the proof, and mail
  // programs post "List-Unsubscribe=One-Click" here without a form (RFC 8058).
  router.Post("/afmelden/{token}", web.Page([&web, &commands](http::Request& req, Context& ctx) {
    auto r = commands.Unsubscribe(req.Param("token"));
    if (!r.has_value()) return web.ErrorPage(ctx, r.error());
    json data;
    data["platform"] = {{"name", r->platform.name}, {"slug", r->platform.slug}};
    data["topic"] = ctx.T("platforms.mail_topic." + r->topic);
    data["done"] = true;
    return web.Render(ctx, "platforms/unsubscribe.html", "platforms.unsubscribe.title", data);
  }, {.check_csrf = false}));
}

}  // namespace wp::platforms
