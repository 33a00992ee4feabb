#include "features/participation/public_pages.h"

#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/participation/project_view.h"

namespace wp::participation {

namespace {

using nlohmann::json;
using web::Context;

// The status filter of the calendar: "actueel" (planned and running, the
// default), "alle", or one status name.
bool Shown(const participation::Project& p, const std::string& stand) {
  if (stand == "alle") return true;
  if (auto s = ParseStatus(stand)) return p.status == *s;
  return !IsClosed(p.status);
}

// The three selects of the filter form, with what was chosen.
json Filters(const Context& ctx, const geography::Municipality& m, const std::string& borough,
             const std::string& wijk, const std::string& stand) {
  json boroughs = json::array({{{"value", ""}, {"text", ctx.T("participation.calendar.all_boroughs")}}});
  json groups = json::array();
  for (const auto& b : m.boroughs) {
    boroughs.push_back({{"value", b.slug}, {"text", b.name}, {"selected", b.slug == borough}});
    json districts = json::array();
    for (const geography::District* d : geography::DistrictsOfBorough(m, b.name)) {
      districts.push_back({{"value", d->code.str()}, {"text", d->name}, {"selected", d->code.str() == wijk}});
    }
    groups.push_back({{"label", b.name}, {"options", districts}});
  }
  json stands = json::array();
  for (std::string v : {"actueel", "alle", "planned", "running", "finished", "cancelled"}) {
    stands.push_back({{"value", v}, {"text", ctx.T("participation.calendar.stand." + v)}, {"selected", v == stand}});
  }
  return {{"boroughs", boroughs}, {"wijk_groups", groups}, {"stands", stands}};
}

// The level, the status (with the reason of a cancellation), and the contact.
json Facts(const Context& ctx, const ProjectView& v, const geography::Municipality& m) {
  const participation::Project& p = v.project;
  std::vector<web::SummaryRow> rows = {
      {ctx.T("participation.field.districts"), DistrictNames(p.districts, m), ""},
      {ctx.T("participation.project.status"), StatusText(ctx, p.status), ""},
  };
  if (p.status == Status::kCancelled) rows.push_back({ctx.T("participation.project.cancel_reason"), p.status_reason, ""});
  return web::SummaryList(rows);
}

json ContactList(const Context& ctx, const participation::Project& p) {
  return web::SummaryList({{ctx.T("participation.field.department"), p.department, ""},
                           {ctx.T("participation.field.contact_name"), p.contact.name, ""},
                           {ctx.T("participation.field.contact_email"), p.contact.email, "mailto:" + p.contact.email}});
}

// The edit link and the status form of a manager (the changes the flow allows) while the project is open.
void AddManagerForms(Context& ctx, const participation::Project& p, const Error* error, json& data) {
  if (IsClosed(p.status)) return;  // finished or cancelled: nothing more to change
  data["edit"] = web::ActionLink(ctx.T("participation.edit.title"), ProjectPath(p.id) + "/wijzigen");
  json statuses = json::array();
  for (Status s : kAllStatuses) {
    if (CheckTransition(p.status, s)) continue;
    std::string name(StatusName(s));
    statuses.push_back({{"value", name},
                        {"text", ctx.T("participation.status_form.to." + name)},
                        {"checked", ctx.form.Get("status") == name}});
  }
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("status", "participation.status_form.status");
  form.Field({.name = "reason",
              .label_key = "participation.status_form.reason",
              .value = ctx.form.Get("reason"),
              .description_key = "participation.status_form.reason_hint",
              .required = false,
              .textarea = true,
              .rows = 3});
  form.AppendTo(data);
  data["statuses"] = statuses;
  data["status_error"] = form.ErrorFor("status");
  data["status_action"] = ProjectPath(p.id) + "/status";
}

}  // namespace

Result<http::Response> PublicPages::Calendar(Context& ctx) {
  auto m = commands_.municipality();
  std::string borough = ctx.Query("stadsdeel").value_or("");
  std::string wijk = ctx.Query("wijk").value_or("");
  std::string stand = ctx.Query("stand").value_or("actueel");
  WP_ASSIGN_OR_RETURN(auto all, commands_.All());
  std::string today = commands_.Today();
  json groups = json::array();
  for (const auto& b : m->boroughs) {
    if (!borough.empty() && b.slug != borough) continue;
    std::set<std::string> codes;
    for (const geography::District* d : geography::DistrictsOfBorough(*m, b.name)) {
      if (wijk.empty() || d->code.str() == wijk) codes.insert(d->code.str());
    }
    json cards = json::array();
    for (const auto& p : all) {
      if (Shown(p, stand) && Overlaps(p.districts, codes)) cards.push_back(ProjectCard(ctx, *m, p, today, 3));
    }
    if (!cards.empty()) groups.push_back({{"name", b.name}, {"cards", cards}});
  }
  json data = {{"filters", Filters(ctx, *m, borough, wijk, stand)},
               {"groups", groups},
               {"none", groups.empty() ? json(web::EmptyState(ctx.T("participation.calendar.none"))) : json()},
               {"breadcrumb", web::Breadcrumb({{ctx.T("participation.calendar.title"), kCalendarPath}})}};
  if (ctx.user && IsManager(*ctx.user)) {
    data["official"] = web::ActionLink(ctx.T("participation.official.title"), kOfficialPath);
  }
  return web_.Render(ctx, "participation/calendar.html", "participation.calendar.title", data);
}

Result<http::Response> PublicPages::ShowProject(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(ProjectView v, commands_.ProjectOf(id));
  const participation::Project& p = v.project;
  auto m = commands_.municipality();
  std::string level(LevelName(p.level));
  json platforms = json::array();
  for (const auto& pl : v.platforms) platforms.push_back({{"name", pl.name}, {"href", "/wijkplatform/" + pl.slug}});
  json data = {{"title", p.title},
               {"summary", p.summary},
               {"level", LevelBadge(ctx, p.level)},
               {"level_explained", ctx.T("participation.level_explained." + level)},
               {"facts", Facts(ctx, v, *m)},
               {"can_influence", p.can_influence},
               {"fixed", p.fixed},
               {"platform_role", p.platform_role},
               {"has_platforms", !platforms.empty()},
               {"platforms", platforms},
               {"timeline", Timeline(ctx, p, commands_.Today())},
               {"contact", ContactList(ctx, p)},
               {"history", HistoryTable(ctx, commands_, v.history)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("participation.calendar.title"), kCalendarPath},
                                               {p.title, ProjectPath(id)}})}};
  if (ctx.user && commands_.Manages(*ctx.user, p)) AddManagerForms(ctx, p, error, data);
  return web_.Render(ctx, "participation/project.html", "participation.project.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Project(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowProject(ctx, id, nullptr);
}

}  // namespace wp::participation
