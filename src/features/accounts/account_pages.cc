#include "features/accounts/account_pages.h"

#include "core/i18n/catalog.h"
#include "core/web/session_cookie.h"

namespace wp::accounts {

using nlohmann::json;
using web::Context;

json RolesJson(const Context& ctx, const std::vector<auth::RoleGrant>& grants, bool include_resident) {
  auto label = [&](auth::Role role) { return ctx.T("accounts.role." + std::string(auth::RoleName(role))); };
  json roles = json::array();
  if (include_resident) roles.push_back({{"label", label(auth::Role::kResident)}, {"scope", ""}, {"role", ""}});
  for (const auto& g : grants) {
    roles.push_back({{"label", label(g.role)}, {"scope", g.scope}, {"role", auth::RoleName(g.role)}});
  }
  return roles;
}

Result<http::Response> AccountPages::Show(Context& ctx) {
  json data;
  WP_ASSIGN_OR_RETURN(bool verified, commands_.IsAddressVerified(ctx.user->email));
  data["account"] = {{"display_name", ctx.user->display_name}, {"email", ctx.user->email}, {"verified", verified}};
  data["roles"] = RolesJson(ctx, ctx.user->grants, true);
  json locales = json::array();
  for (const auto& l : i18n::SupportedLocales()) {
    locales.push_back(
        {{"code", l}, {"label", web_.catalog().Lookup(l, "web.language.name")}, {"selected", l == ctx.locale}});
  }
  data["locales"] = locales;
  return web_.Render(ctx, "accounts/account.html", "accounts.account.title", data);
}

Result<http::Response> AccountPages::SetLanguage(Context& ctx) {
  std::string locale = ctx.form.Get("locale");
  WP_TRY_VOID(commands_.SetLocale(ctx.user->id, locale));
  http::Response resp = web_.Redirect(ctx, "/account", web::Flash{"success", "accounts.account.saved"});
  http::CookieOptions opts;
  opts.secure = web_.options().secure_cookies;
  opts.max_age_seconds = 365LL * 24 * 3600;
  resp.headers.Add("Set-Cookie", http::SetCookieValue(web::CookieName(web::kLocaleCookie, opts.secure), locale, opts));
  return resp;
}

Result<http::Response> AccountPages::SendCheck(Context& ctx) {
  WP_TRY_VOID(commands_.SendAddressCheck(*ctx.user));
  return web_.Redirect(ctx, "/account", web::Flash{"success", "accounts.check.sent"});
}

}  // namespace wp::accounts
