#include "features/accounts/admin_pages.h"

#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/accounts/account_pages.h"

namespace wp::accounts {

using nlohmann::json;
using web::Context;

Result<http::Response> AdminUserPages::Users(Context& ctx) {
  std::string q = ctx.Query("q").value_or("");
  WP_ASSIGN_OR_RETURN(auto users, commands_.ListUsers(q, 200, 0));
  json list = json::array();
  for (const auto& u : users) {
    list.push_back({{"id", u.id},
                    {"display_name", u.display_name},
                    {"email", u.email},
                    {"roles", RolesJson(ctx, u.grants, false)}});
  }
  json data = {{"q", q}, {"count", users.size()}, {"users", list}};
  return web_.Render(ctx, "accounts/admin_users.html", "accounts.admin.users_title", data);
}

Result<http::Response> AdminUserPages::ShowUser(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(auto stored, commands_.FindUser(id));
  if (!stored) return NotFound("no such user");
  const auto& u = stored->user;
  json roles = RolesJson(ctx, u.grants, false);
  for (auto& r : roles) r["revocable"] = true;
  json role_options = json::array();
  for (auth::Role r : auth::kAllRoles) {
    if (r == auth::Role::kResident) continue;
    role_options.push_back(
        {{"value", auth::RoleName(r)}, {"label", ctx.T("accounts.role." + std::string(auth::RoleName(r)))}});
  }
  json scopes = json::array();
  if (scope_options_) {
    for (const auto& [value, label] : scope_options_()) scopes.push_back({{"value", value}, {"label", label}});
  }
  json data = {{"account", {{"id", u.id}, {"display_name", u.display_name}, {"email", u.email}}},
               {"roles", roles},
               {"role_options", role_options},
               {"scope_options", scopes},
               {"title", u.display_name},
               {"breadcrumb", web::Breadcrumb({{ctx.T("accounts.admin.users_title"), "/beheer/gebruikers"},
                                               {u.display_name, "/beheer/gebruikers/" + std::to_string(u.id)}})}};
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("role", "accounts.admin.role_label").Label("scope", "accounts.admin.scope_label");
  form.AppendTo(data);
  return web_.Render(ctx, "accounts/admin_user.html", "accounts.admin.users_title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> AdminUserPages::User(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowUser(ctx, id, nullptr);
}

Result<http::Response> AdminUserPages::ChangeRole(Context& ctx, bool grant) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto role = auth::ParseRole(ctx.form.Get("role"));
  if (!role) {
    Error bad = FormInvalid({{"role", "accounts.admin.bad_role"}});
    return ShowUser(ctx, id, &bad);
  }
  std::string scope = ctx.form.Get("scope");
  auto r = grant ? commands_.GrantRole(*ctx.user, id, *role, scope) : commands_.RevokeRole(*ctx.user, id, *role, scope);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowUser(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, "/beheer/gebruikers/" + std::to_string(id),
                       web::Flash{"success", grant ? "accounts.admin.granted" : "accounts.admin.revoked"});
}

Result<http::Response> AdminUserPages::GrantRole(Context& ctx) { return ChangeRole(ctx, true); }
Result<http::Response> AdminUserPages::RevokeRole(Context& ctx) { return ChangeRole(ctx, false); }

}  // namespace wp::accounts
