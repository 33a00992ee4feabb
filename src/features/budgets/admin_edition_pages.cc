#include "features/budgets/admin_edition_pages.h"

#include "core/http/error_response.h"
#include "features/budgets/edition_directory.h"
#include "features/budgets/edition_form.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

using nlohmann::json;
using web::Context;

namespace {

Error OfficialsOnly() { return Forbidden("officials only", "web.forbidden"); }

}  // namespace

Result<http::Response> AdminEditionPages::Editions(Context& ctx) {
  if (!IsStaff(*ctx.user)) return OfficialsOnly();
  WP_ASSIGN_OR_RETURN(auto editions, d_.commands.ListEditions(&*ctx.user));
  auto m = d_.municipality();
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& e : editions) {
    bool manage = EditionDirectory::CanManage(*ctx.user, e);
    rows.push_back({{e.title, EditionPath(e)},
                    {AreaName(*m, e)},
                    {PhaseLabel(ctx, PhaseAt(e, d_.commands.Now()))},
                    {manage ? ctx.T("budgets.edition.edit") : "", manage ? AdminEditionPath(e) : ""},
                    {ctx.T("budgets.edition.manage_plans"), AdminPlansPath(e)}});
  }
  json table =
      web::Table(ctx.T("budgets.admin.editions_caption"),
                 {ctx.T("budgets.field.title"), ctx.T("budgets.edition.area"), ctx.T("budgets.edition.phase_now"),
                  ctx.T("budgets.admin.settings"), ctx.T("budgets.admin.plans")},
                 rows);
  json data = {{"editions", rows.empty() ? json(nullptr) : table},
               {"empty", web::EmptyState(ctx.T("budgets.editions.none"))},
               {"create", MayCreateEditions(*ctx.user)
                              ? web::ActionLink(ctx.T("budgets.admin.new_edition"), std::string(kAdminPath) + "/nieuw",
                                                web::ActionKind::kPrimary)
                              : json(nullptr)}};
  return d_.web.Render(ctx, "budgets/admin_editions.html", "budgets.admin.title", data);
}

Result<http::Response> AdminEditionPages::ShowForm(Context& ctx, const Edition* stored, const http::FormData& form,
                                                   const Error* error) {
  auto m = d_.municipality();
  json data = EditionFormData(ctx, form, *m, error ? error->fields : std::vector<FieldError>{});
  std::string title = stored ? ctx.T("budgets.edition_form.edit_title", {{"edition", stored->title}})
                             : ctx.T("budgets.edition_form.new_title");
  std::string action = stored ? AdminEditionPath(*stored) : std::string(kAdminPath) + "/nieuw";
  data["title"] = title;
  data["action"] = action;
  data["breadcrumb"] = web::Breadcrumb({AdminCrumb(ctx), {title, action}});
  return d_.web.Render(ctx, "budgets/edition_form.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> AdminEditionPages::Save(Context& ctx, const Edition* stored) {
  auto m = d_.municipality();
  ParsedEdition parsed = EditionFromForm(ctx.form, *m, d_.zone);
  if (!parsed.errors.empty()) {
    Error invalid = FormInvalid(std::move(parsed.errors));
    return ShowForm(ctx, stored, ctx.form, &invalid);
  }
  Edition& e = parsed.edition;
  if (stored) e.id = stored->id;
  auto id = d_.commands.SaveEdition(*ctx.user, e, BoroughOfBuurt(*m));
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, stored, ctx.form, &id.error());
    return id.error();
  }
  return d_.web.Redirect(ctx, EditionPath(e), web::Flash{"success", "budgets.edition.saved"});
}

Result<http::Response> AdminEditionPages::NewForm(Context& ctx) {
  if (!MayCreateEditions(*ctx.user)) return OfficialsOnly();
  return ShowForm(ctx, nullptr, NewEditionForm(ctx), nullptr);
}

Result<http::Response> AdminEditionPages::Create(Context& ctx) {
  if (!MayCreateEditions(*ctx.user)) return OfficialsOnly();
  return Save(ctx, nullptr);
}

Result<http::Response> AdminEditionPages::EditForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, d_.commands.StaffEdition(ctx.Param("slug"), *ctx.user, Staff::kOfficials));
  auto m = d_.municipality();
  return ShowForm(ctx, &e, FormOfEdition(e, *m, d_.zone, ctx.locale), nullptr);
}

Result<http::Response> AdminEditionPages::Update(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, d_.commands.StaffEdition(ctx.Param("slug"), *ctx.user, Staff::kOfficials));
  return Save(ctx, &e);
}

}  // namespace wp::budgets
