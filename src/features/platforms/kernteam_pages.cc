#include "features/platforms/kernteam_pages.h"

#include <map>

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/platforms/page_data.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

// The section forms of the page; a field shows what was sent when its form
// was the one sent, else the stored value.
void AddFields(const Context& ctx, const Platform& p, bool contact_confirmed, web::FormView& form) {
  std::string sent = ctx.form.Get("section");
  auto field = [&](const std::string& section, web::FieldSpec spec, const std::string& stored) {
    spec.value = sent == section ? ctx.form.Get(spec.name) : stored;
    form.Field(std::move(spec));
  };
  field("details", {.name = "name", .label_key = "platforms.field_label.name"}, p.name);
  field("details", {.name = "description", .label_key = "platforms.field_label.description", .textarea = true},
        p.description);
  field("details",
        {.name = "themes",
         .label_key = "platforms.field_label.themes",
         .description_key = "platforms.register.themes_hint",
         .required = false,
         .textarea = true,
         .rows = 4},
        JoinStrings(p.themes, "\n"));
  // Until the address is confirmed it is not on the public page (consent).
  field("details",
        {.name = "contact_email",
         .label_key = "platforms.field_label.contact_email",
         .type = "email",
         .description_key = contact_confirmed ? "" : "platforms.manage.contact_email_pending"},
        p.contact_email);
  field("kernteam",
        {.name = "kernteam_email",
         .label_key = "platforms.field_label.kernteam_email",
         .type = "email",
         .description_key = "platforms.manage.kernteam_hint"},
        "");
  field("group", {.name = "group_theme", .label_key = "platforms.field_label.group_theme"}, "");
  field("group",
        {.name = "group_description",
         .label_key = "platforms.field_label.group_description",
         .required = false,
         .textarea = true,
         .rows = 3},
        "");
  field("group", {.name = "group_contact_name", .label_key = "platforms.field_label.group_contact_name"}, "");
  field("group",
        {.name = "group_contact_email", .label_key = "platforms.field_label.group_contact_email", .type = "email"}, "");
  form.Label("hours_weekday", "platforms.field_label.hours_weekday");
  field("hours",
        {.name = "hours_time",
         .label_key = "platforms.field_label.hours_time",
         .description_key = "platforms.manage.hours_time_hint"},
        "");
  field("hours", {.name = "hours_place", .label_key = "platforms.field_label.hours_place"}, "");
}

json WeekdayOptions(const Context& ctx) {
  std::string chosen = ctx.form.Get("section") == "hours" ? ctx.form.Get("hours_weekday") : "monday";
  json weekdays = json::array();
  for (int i = 0; i < 7; ++i) {
    auto d = static_cast<Weekday>(i);
    std::string name(WeekdayName(d));
    weekdays.push_back({{"value", name}, {"label", DayName(ctx, d)}, {"selected", chosen == name}});
  }
  return weekdays;
}

// The kernteam, werkgroepen and spreekuren, each with its remove button.
void AddLists(const Context& ctx, const Platform& p, const ManagementPage& page, json& data) {
  std::string base = PlatformPath(p) + "/beheer/";
  auto remove = [&](const std::string& what, const std::string& path) {
    return web::ActionButton(ctx.T("platforms.manage.remove", {{"what", what}}), base + path + "/verwijderen",
                             ctx.csrf_token);
  };
  json team = json::array();
  for (const auto& k : page.kernteam) {
    json action = page.kernteam.size() > 1 ? remove(k.display_name, "kernteam/" + std::to_string(k.id)) : json(nullptr);
    team.push_back({{"name", k.display_name}, {"email", k.email}, {"action", action}});
  }
  json groups = json::array();
  for (const auto& g : page.groups) {
    groups.push_back({{"theme", g.group.theme},
                      {"contact_name", g.group.contact.name},
                      {"contact_pending", !g.contact_confirmed},
                      {"member_count", g.member_count},
                      {"action", remove(g.group.theme, "werkgroepen/" + std::to_string(g.group.id))}});
  }
  json hours = HoursJson(ctx, page.hours);
  for (auto& h : hours) {
    h["action"] = remove(h["weekday"].get<std::string>() + " " + h["start"].get<std::string>(),
                         "spreekuren/" + std::to_string(h["id"].get<int64_t>()));
  }
  data["kernteam"] = team;
  data["groups"] = groups;
  data["hours"] = hours;
}

json MembersTable(const Context& ctx, const ManagementPage& page, const time::TimeZone& zone) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& m : page.members) {
    rows.push_back({{m.person.display_name},
                    {ctx.T("platforms.member_kind." + std::string(MemberKindName(m.member.kind)))},
                    {m.member.organisation_name},
                    {time::FormatDate(zone, m.member.joined_at, ctx.locale)}});
  }
  return web::Table(ctx.T("platforms.manage.members_heading"),
                    {ctx.T("platforms.manage.col_name"), ctx.T("platforms.manage.col_kind"),
                     ctx.T("platforms.field_label.organisation_name"), ctx.T("platforms.manage.col_joined")},
                    rows);
}

// Links to the platform's other pages for the kernteam.
json OtherPages(const Context& ctx, const Platform& p) {
  std::string base = PlatformPath(p);
  return json::array({web::ActionLink(ctx.T("platforms.page.status_link"), base + "/status"),
                      web::ActionLink(ctx.T("platforms.page.subsidy_link"), base + "/subsidie"),
                      web::ActionLink(ctx.T("platforms.manage.events_link"), base + "/beheer/activiteiten"),
                      web::ActionLink(ctx.T("platforms.manage.news_link"), base + "/beheer/nieuws")});
}

}  // namespace

Result<Platform> KernteamPages::Managed(Context& ctx) const {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  if (!MayManage(ctx, p)) return Forbidden("not allowed", "platforms.error.forbidden");
  return p;
}

Result<http::Response> KernteamPages::Show(Context& ctx, const Platform& p, const Error* error) {
  WP_ASSIGN_OR_RETURN(ManagementPage page, commands_.Management(p));
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  AddFields(ctx, p, page.contact_confirmed, form);
  json data = {{"platform", {{"slug", p.slug}, {"name", p.name}}},
               {"badge", web::StatusBadge(StatusLabel(ctx, p.status), StatusTone(p.status))},
               {"actions", OtherPages(ctx, p)},
               {"weekdays", WeekdayOptions(ctx)},
               {"weekday_error", form.ErrorFor("hours_weekday")},
               {"member_count", page.members.size()},
               {"title", ctx.T("platforms.manage.title", {{"name", p.name}})},
               {"breadcrumb", PlatformCrumbs(ctx, p, ctx.T("platforms.manage.crumb"), PlatformPath(p) + "/beheer")}};
  AddLists(ctx, p, page, data);
  WP_ASSIGN_OR_RETURN(auto invited, invitations_.Open(p.id));
  json open = json::array();
  for (const auto& i : invited) {
    open.push_back({{"email", i.email}, {"until", time::FormatDate(zone_, i.expires_at, ctx.locale)}});
  }
  data["has_invitations"] = !open.empty();
  data["invitations"] = open;
  if (page.members.empty()) {
    data["no_members"] = web::EmptyState(ctx.T("platforms.manage.no_members"));
  } else {
    data["members"] = MembersTable(ctx, page, zone_);
  }
  form.AppendTo(data);
  return web_.Render(ctx, "platforms/manage.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> KernteamPages::Manage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, Managed(ctx));
  return Show(ctx, p, nullptr);
}

Result<void> KernteamPages::SaveSection(Context& ctx, const Platform& p, const std::string& section) {
  const http::FormData& f = ctx.form;
  if (section == "details") {
    Platform d;
    d.name = f.Get("name");
    d.description = f.Get("description");
    d.themes = ParseThemes(f.Get("themes"));
    d.contact_email = f.Get("contact_email");
    return commands_.UpdateDetails(*ctx.user, p.id, d);
  }
  if (section == "kernteam") {
    // The same answer whether or not the address has an account.
    WP_ASSIGN_OR_RETURN([[maybe_unused]] std::string token,
                        invitations_.InviteToKernteam(*ctx.user, p.id, f.Get("kernteam_email")));
    return Ok();
  }
  if (section == "group") {
    WorkingGroup g;
    g.theme = f.Get("group_theme");
    g.description = f.Get("group_description");
    g.contact.name = f.Get("group_contact_name");
    g.contact.email = f.Get("group_contact_email");
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, commands_.AddWorkingGroup(*ctx.user, p.id, g));
    return Ok();
  }
  auto day = ParseWeekday(f.Get("hours_weekday"));
  if (!day) return FormInvalid({{"hours_weekday", kMissing}});
  OfficeHours h;
  h.weekday = *day;
  ParseOfficeHoursTime(f.Get("hours_time"), h);
  h.place = f.Get("hours_place");
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, commands_.AddOfficeHours(*ctx.user, p.id, h));
  return Ok();
}

Result<http::Response> KernteamPages::Save(Context& ctx) {
  static const std::map<std::string, const char*> kDone = {{"details", "platforms.manage.saved"},
                                                           {"kernteam", "platforms.kernteam.invited"},
                                                           {"group", "platforms.group.added"},
                                                           {"hours", "platforms.hours.added"}};
  WP_ASSIGN_OR_RETURN(Platform p, Managed(ctx));
  auto section = kDone.find(ctx.form.Get("section"));
  if (section == kDone.end()) return InvalidInput("unknown section");
  auto saved = SaveSection(ctx, p, section->first);
  if (!saved.has_value() && saved.error().has_fields()) return Show(ctx, p, &saved.error());
  return Done(ctx, p, saved, section->second);
}

Result<http::Response> KernteamPages::Done(Context& ctx, const Platform& p, const Result<void>& done,
                                           const char* flash_key) const {
  if (!done.has_value()) return done.error();
  return web_.Redirect(ctx, PlatformPath(p) + "/beheer", web::Flash{"success", flash_key});
}

Result<http::Response> KernteamPages::RemoveKernteamMember(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return Done(ctx, p, commands_.RemoveKernteamMember(*ctx.user, p.id, id), "platforms.manage.removed");
}

Result<http::Response> KernteamPages::DeleteWorkingGroup(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return Done(ctx, p, commands_.DeleteWorkingGroup(*ctx.user, p.id, id), "platforms.manage.removed");
}

Result<http::Response> KernteamPages::DeleteOfficeHours(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return Done(ctx, p, commands_.DeleteOfficeHours(*ctx.user, p.id, id), "platforms.manage.removed");
}

}  // namespace wp::platforms
