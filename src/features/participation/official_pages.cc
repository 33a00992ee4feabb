#include "features/participation/official_pages.h"

#include <set>

#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/participation/project_view.h"

namespace wp::participation {

namespace {

using nlohmann::json;
using web::Context;

ProjectForm FormFromPost(const http::FormData& f) {
  ProjectForm out{f.Get("title"),         f.Get("summary"), f.GetAll("districts"), f.Get("department"),
                  f.Get("contact_name"),  f.Get("contact_email"), f.Get("level"),  f.Get("can_influence"),
                  f.Get("fixed"),         f.Get("platform_role"), {}};
  for (int i = 1; i <= kPhaseRows; ++i) {
    std::string n = std::to_string(i);
    out.phases.push_back({f.Get("phase_name_" + n), f.Get("phase_start_" + n), f.Get("phase_end_" + n)});
  }
  return out;
}

Error NotManager() { return Forbidden("not a manager", "participation.error.forbidden"); }

// The wijken as checkboxes per stadsdeel, the chosen ones checked.
json DistrictChoices(const geography::Municipality& m, const std::vector<std::string>& chosen) {
  std::set<std::string> checked(chosen.begin(), chosen.end());
  json out = json::array();
  for (const auto& b : m.boroughs) {
    json districts = json::array();
    for (const geography::District* d : geography::DistrictsOfBorough(m, b.name)) {
      districts.push_back({{"code", d->code.str()}, {"name", d->name}, {"checked", checked.count(d->code.str()) > 0}});
    }
    out.push_back({{"borough", b.name}, {"districts", districts}});
  }
  return out;
}

// The timeline rows for the view, from the phase fields of `fields` (FormView::AppendTo).
json PhaseRows(const Context& ctx, const json& fields) {
  json rows = json::array();
  for (int i = 1; i <= kPhaseRows; ++i) {
    std::string n = std::to_string(i);
    rows.push_back({{"legend", ctx.T("participation.phase.row", {{"number", static_cast<int64_t>(i)}})},
                    {"name", fields["phase_name_" + n]},
                    {"start", fields["phase_start_" + n]},
                    {"end", fields["phase_end_" + n]}});
  }
  return rows;
}

// The timeline fields: the typed phases, then empty rows up to kPhaseRows.
void PhaseFields(web::FormView& form, const std::vector<PhaseForm>& phases) {
  for (int i = 1; i <= kPhaseRows; ++i) {
    PhaseForm p = static_cast<size_t>(i) <= phases.size() ? phases[i - 1] : PhaseForm{};
    std::string n = std::to_string(i);
    form.Field({.name = "phase_name_" + n, .label_key = "participation.field.phase_name", .value = p.name,
                .required = false});
    form.Field({.name = "phase_start_" + n, .label_key = "participation.field.phase_start", .type = "date",
                .value = p.start, .required = false});
    form.Field({.name = "phase_end_" + n, .label_key = "participation.field.phase_end", .type = "date",
                .value = p.end, .required = false});
  }
}

void TextFields(web::FormView& form, const ProjectForm& f) {
  form.Field({.name = "title", .label_key = "participation.field.title", .value = f.title});
  form.Field({.name = "summary", .label_key = "participation.field.summary", .value = f.summary, .textarea = true,
              .rows = 3});
  form.Label("districts", "participation.field.districts");
  form.Label("level", "participation.field.level");
  form.Field({.name = "can_influence",
              .label_key = "participation.field.can_influence",
              .value = f.can_influence,
              .description_key = "participation.field.can_influence_hint",
              .textarea = true,
              .rows = 4});
  form.Field({.name = "fixed",
              .label_key = "participation.field.fixed",
              .value = f.fixed,
              .description_key = "participation.field.fixed_hint",
              .textarea = true,
              .rows = 4});
  form.Field({.name = "platform_role",
              .label_key = "participation.field.platform_role",
              .value = f.platform_role,
              .description_key = "participation.field.platform_role_hint",
              .textarea = true,
              .rows = 3});
  PhaseFields(form, f.phases);
  form.Field({.name = "department", .label_key = "participation.field.department", .value = f.department});
  form.Field({.name = "contact_name", .label_key = "participation.field.contact_name", .value = f.contact_name});
  form.Field({.name = "contact_email",
              .label_key = "participation.field.contact_email",
              .type = "email",
              .value = f.contact_email,
              .autocomplete = "off"});
}

}  // namespace

Result<http::Response> OfficialPages::Overview(Context& ctx) {
  if (!IsManager(*ctx.user)) return NotManager();
  WP_ASSIGN_OR_RETURN(auto all, commands_.All());
  auto m = commands_.municipality();
  std::string today = commands_.Today();
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& p : all) {
    if (!commands_.Manages(*ctx.user, p)) continue;
    rows.push_back({{p.title, ProjectPath(p.id)},
                    {DistrictNames(p.districts, *m)},
                    {ctx.T("participation.level." + std::string(LevelName(p.level)))},
                    {StatusText(ctx, p.status)},
                    {PhaseLine(ctx, p, today)}});
  }
  json data = {{"new", web::ActionLink(ctx.T("participation.official.new"), kNewPath, web::ActionKind::kPrimary)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("participation.official.title"), kOfficialPath}})}};
  if (rows.empty()) {
    data["none"] = web::EmptyState(ctx.T("participation.official.none"));
  } else {
    data["table"] = web::Table(ctx.T("participation.official.caption"),
                               {ctx.T("participation.field.title"), ctx.T("participation.field.districts"),
                                ctx.T("participation.field.level"), ctx.T("participation.project.status"),
                                ctx.T("participation.official.phase")},
                               rows);
  }
  return web_.Render(ctx, "participation/official.html", "participation.official.title", data);
}

Result<http::Response> OfficialPages::ShowForm(Context& ctx, const ProjectForm& f, int64_t id, const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  TextFields(form, f);
  json levels = json::array();
  for (Level l : kAllLevels) {
    std::string name(LevelName(l));
    levels.push_back({{"value", name},
                      {"text", ctx.T("participation.level." + name)},
                      {"hint", ctx.T("participation.level_explained." + name)},
                      {"checked", f.level == name}});
  }
  std::string action = id ? ProjectPath(id) + "/wijzigen" : kNewPath;
  std::string title_key = id ? "participation.edit.title" : "participation.official.new";
  json data = {{"action", action},
               {"heading", ctx.T(title_key)},
               {"levels", levels},
               {"level_error", form.ErrorFor("level")},
               {"districts_error", form.ErrorFor("districts")},
               {"wijken", DistrictChoices(*commands_.municipality(), f.districts)},
};
  std::vector<web::Crumb> trail = {{ctx.T("participation.official.title"), kOfficialPath}};
  if (id) trail.push_back({f.title, ProjectPath(id)});
  trail.push_back({ctx.T(title_key), action});
  data["breadcrumb"] = web::Breadcrumb(trail);
  form.AppendTo(data);
  data["phases"] = PhaseRows(ctx, data["fields"]);
  return web_.Render(ctx, "participation/project_form.html", title_key, data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::NewForm(Context& ctx) {
  if (!IsManager(*ctx.user)) return NotManager();
  ProjectForm f;
  f.level = LevelName(Level::kConsult);
  f.contact_name = ctx.user->display_name;
  f.contact_email = ctx.user->email;
  return ShowForm(ctx, f, 0, nullptr);
}

Result<http::Response> OfficialPages::Create(Context& ctx) {
  ProjectForm f = FormFromPost(ctx.form);
  auto id = commands_.Create(*ctx.user, f);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, f, 0, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, ProjectPath(*id), web::Flash{"success", "participation.project.created"});
}

Result<http::Response> OfficialPages::EditForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(ProjectView v, commands_.ProjectOf(id));
  if (!commands_.Manages(*ctx.user, v.project)) return NotManager();
  if (IsClosed(v.project.status)) return Conflict("project closed", "participation.error.closed");
  return ShowForm(ctx, ProjectCommands::FormOf(v.project), id, nullptr);
}

Result<http::Response> OfficialPages::Edit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  ProjectForm f = FormFromPost(ctx.form);
  auto r = commands_.Edit(*ctx.user, id, f);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowForm(ctx, f, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, ProjectPath(id), web::Flash{"success", "participation.edit.saved"});
}

Result<http::Response> OfficialPages::ChangeStatus(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r = commands_.ChangeStatus(*ctx.user, id, {ctx.form.Get("status"), ctx.form.Get("reason")});
  if (!r.has_value()) {
    if (r.error().has_fields()) return public_pages_.ShowProject(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, ProjectPath(id), web::Flash{"success", "participation.status_form.saved"});
}

}  // namespace wp::participation
