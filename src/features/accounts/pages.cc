#include "features/accounts/pages.h"

#include "core/http/form.h"
#include "core/strings.h"
#include "core/i18n/catalog.h"
#include "core/web/forms.h"

namespace wp::accounts {

namespace {

using nlohmann::json;
using web::Context;
using web::FieldSpec;
using web::FormErrors;

std::string RoleLabelKey(auth::Role role) { return "accounts.role." + std::string(auth::RoleName(role)); }

json RolesJson(const Context& ctx, const std::vector<auth::RoleGrant>& grants, bool include_resident) {
  json roles = json::array();
  if (include_resident) roles.push_back({{"label", ctx.T(RoleLabelKey(auth::Role::kResident))}, {"scope", ""}});
  for (const auto& g : grants) {
    roles.push_back({{"label", ctx.T(RoleLabelKey(g.role))}, {"scope", g.scope}, {"role", auth::RoleName(g.role)}});
  }
  return roles;
}

void AddFieldErrors(const Context& ctx, FormErrors& errors, const std::vector<FieldError>& field_errors,
                    const std::vector<std::pair<std::string, std::string>>& labels) {
  for (const auto& fe : field_errors) {
    std::string label;
    for (const auto& [f, l] : labels) {
      if (f == fe.field) label = l;
    }
    errors.Add(ctx, fe.field, label, std::string(FieldProblemKey(fe.problem)));
  }
}

std::string SafeNext(const std::string& next) { return web::Web::IsLocalPath(next) ? next : "/account"; }

int StatusFor(const Error& e) {
  if (e.user_message_key == "web.too_many_requests") return 429;
  return 422;
}

}  // namespace

void AddAccountRoutes(http::Router& router, const web::Web& web, AccountCommands& commands,
                      ScopeOptionsFn scope_options) {
  const std::vector<std::pair<std::string, std::string>> kLabels = {
      {"email", "accounts.field.email"},
      {"display_name", "accounts.field.display_name"},
      {"password", "accounts.field.password"},
      {"password_repeat", "accounts.field.password_repeat"},
  };

  auto render_login = [&web](Context& ctx, const std::string& email, const std::string& next, const FormErrors& errors,
                             int status) {
    json data;
    data["next"] = next;
    data["fields"]["email"] = web::FieldJson(ctx, {.name = "email", .label_key = "accounts.field.email", .type = "email",
                                                   .value = email, .autocomplete = "username",
                                                   .error_key = errors.KeyFor("email")});
    data["fields"]["password"] = web::FieldJson(ctx, {.name = "password", .label_key = "accounts.field.password",
                                                      .type = "password", .autocomplete = "current-password",
                                                      .error_key = errors.KeyFor("password")});
    errors.AppendTo(data);
    return web.Render(ctx, "accounts/login.html", "accounts.login.title", data, status);
  };

  router.Get("/inloggen", web.Page([&web, render_login](http::Request& req, Context& ctx) {
    if (ctx.user) return web.Redirect(ctx, "/account");
    return render_login(ctx, "", req.QueryParam("next").value_or(""), FormErrors(), 200);
  }));

  router.Post("/inloggen", web.Page([&web, &commands, render_login](http::Request& req, Context& ctx) {
    std::string email = ctx.form.Get("email");
    std::string next = ctx.form.Get("next");
    FormErrors errors;
    if (email.empty()) errors.Add(ctx, "email", "accounts.field.email", "web.required");
    if (ctx.form.Get("password").empty()) errors.Add(ctx, "password", "accounts.field.password", "web.required");
    if (!errors.empty()) return render_login(ctx, email, next, errors, 422);
    auto signed_in = commands.Login(email, ctx.form.Get("password"), req.remote_addr);
    if (!signed_in.has_value()) {
      const Error& e = signed_in.error();
      if (e.code == ErrorCode::kInternal) return web.ErrorPage(ctx, e);
      errors.Add(ctx, "password", "accounts.field.password", e.user_message_key);
      return render_login(ctx, email, next, errors, StatusFor(e));
    }
    ctx.RotateSession(signed_in->session_token, web.options().csrf_secret);
    ctx.user = signed_in->user;
    return web.Redirect(ctx, SafeNext(next), web::Flash{"success", "accounts.login.done"});
  }));

  router.Post("/uitloggen", web.Page([&web, &commands](http::Request&, Context& ctx) {
    if (ctx.user) {
      auto r = commands.Logout(ctx.session_token);
      if (!r.has_value()) return web.ErrorPage(ctx, r.error());
    }
    ctx.RotateSession(commands.NewAnonymousToken(), web.options().csrf_secret);
    ctx.user.reset();
    return web.Redirect(ctx, "/", web::Flash{"success", "accounts.logout.done"});
  }));

  auto render_register = [&web, kLabels](Context& ctx, const http::FormData& form, const FormErrors& errors, int status) {
    json data;
    auto field = [&](const std::string& name, const std::string& type, const std::string& autocomplete,
                     const std::string& description) {
      std::string label;
      for (const auto& [f, l] : kLabels) {
        if (f == name) label = l;
      }
      data["fields"][name] = web::FieldJson(ctx, {.name = name, .label_key = label, .type = type,
                                                  .value = form.Get(name), .autocomplete = autocomplete,
                                                  .description_key = description, .error_key = errors.KeyFor(name)});
    };
    field("display_name", "text", "name", "accounts.field.display_name_hint");
    field("email", "email", "email", "");
    field("password", "password", "new-password", "accounts.field.password_hint");
    field("password_repeat", "password", "new-password", "");
    errors.AppendTo(data);
    return web.Render(ctx, "accounts/register.html", "accounts.register.title", data, status);
  };

  router.Get("/registreren", web.Page([&web, render_register](http::Request&, Context& ctx) {
    if (ctx.user) return web.Redirect(ctx, "/account");
    return render_register(ctx, http::FormData(), FormErrors(), 200);
  }));

  router.Post("/registreren", web.Page([&web, &commands, render_register, kLabels](http::Request&, Context& ctx) {
    Registration reg{ctx.form.Get("email"), ctx.form.Get("display_name"), ctx.form.Get("password"),
                     ctx.form.Get("password_repeat"), ctx.locale};
    FormRejected rejected;
    auto signed_in = commands.Register(reg, &rejected);
    if (!signed_in.has_value()) {
      FormErrors errors;
      const Error& e = signed_in.error();
      if (e.code == ErrorCode::kConflict) {
        errors.Add(ctx, "email", "accounts.field.email", e.user_message_key);
      } else if (e.code == ErrorCode::kInvalidInput) {
        AddFieldErrors(ctx, errors, rejected.errors, kLabels);
      } else {
        return web.ErrorPage(ctx, e);
      }
      return render_register(ctx, ctx.form, errors, 422);
    }
    ctx.RotateSession(signed_in->session_token, web.options().csrf_secret);
    ctx.user = signed_in->user;
    return web.Redirect(ctx, "/account", web::Flash{"success", "accounts.register.done"});
  }));

  auto render_forgot = [&web](Context& ctx, const std::string& email, bool sent, const FormErrors& errors, int status) {
    json data;
    data["sent"] = sent;
    data["fields"]["email"] = web::FieldJson(ctx, {.name = "email", .label_key = "accounts.field.email", .type = "email",
                                                   .value = email, .autocomplete = "email",
                                                   .error_key = errors.KeyFor("email")});
    errors.AppendTo(data);
    return web.Render(ctx, "accounts/forgot.html", "accounts.forgot.title", data, status);
  };

  router.Get("/wachtwoord-vergeten", web.Page([render_forgot](http::Request& req, Context& ctx) {
    return render_forgot(ctx, "", req.QueryParam("verstuurd").has_value(), FormErrors(), 200);
  }));

  router.Post("/wachtwoord-vergeten", web.Page([&web, &commands, render_forgot](http::Request& req, Context& ctx) {
    std::string email = ctx.form.Get("email");
    FormErrors errors;
    if (email.empty()) errors.Add(ctx, "email", "accounts.field.email", "web.required");
    else if (!IsPlausibleEmail(NormaliseEmail(email))) errors.Add(ctx, "email", "accounts.field.email", "accounts.error.bad_email");
    if (!errors.empty()) return render_forgot(ctx, email, false, errors, 422);
    auto r = commands.RequestPasswordReset(email, req.remote_addr, ctx.locale);
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kUnavailable) {
        errors.Add(ctx, "email", "accounts.field.email", r.error().user_message_key);
        return render_forgot(ctx, email, false, errors, 429);
      }
      return web.ErrorPage(ctx, r.error());
    }
    return web.Redirect(ctx, "/wachtwoord-vergeten?verstuurd=1");
  }));

  auto render_reset = [&web](Context& ctx, const std::string& token, bool invalid, const FormErrors& errors, int status) {
    json data;
    data["token"] = token;
    data["invalid"] = invalid;
    data["fields"]["password"] = web::FieldJson(ctx, {.name = "password", .label_key = "accounts.field.new_password",
                                                      .type = "password", .autocomplete = "new-password",
                                                      .description_key = "accounts.field.password_hint",
                                                      .error_key = errors.KeyFor("password")});
    data["fields"]["password_repeat"] = web::FieldJson(ctx, {.name = "password_repeat",
                                                             .label_key = "accounts.field.password_repeat",
                                                             .type = "password", .autocomplete = "new-password",
                                                             .error_key = errors.KeyFor("password_repeat")});
    errors.AppendTo(data);
    return web.Render(ctx, "accounts/reset.html", "accounts.reset.title", data, status);
  };

  router.Get("/wachtwoord/herstel/{token}", web.Page([&web, &commands, render_reset](http::Request& req, Context& ctx) {
    std::string token(req.Param("token"));
    auto valid = commands.IsResetLinkValid(token);
    if (!valid.has_value()) return web.ErrorPage(ctx, valid.error());
    return render_reset(ctx, *valid ? token : "", !*valid, FormErrors(), *valid ? 200 : 404);
  }));

  router.Post("/wachtwoord/herstel/{token}", web.Page([&web, &commands, render_reset, kLabels](http::Request& req, Context& ctx) {
    std::string token(req.Param("token"));
    FormRejected rejected;
    auto r = commands.ResetPassword(token, ctx.form.Get("password"), ctx.form.Get("password_repeat"), &rejected);
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kNotFound) return render_reset(ctx, "", true, FormErrors(), 404);
      if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
      FormErrors errors;
      AddFieldErrors(ctx, errors, rejected.errors, kLabels);
      return render_reset(ctx, token, false, errors, 422);
    }
    return web.Redirect(ctx, "/inloggen", web::Flash{"success", "accounts.reset.done"});
  }));

  router.Get("/account", web.Page([&web](http::Request&, Context& ctx) {
    json data;
    data["account"] = {{"display_name", ctx.user->display_name}, {"email", ctx.user->email}};
    data["roles"] = RolesJson(ctx, ctx.user->grants, true);
    json locales = json::array();
    for (const auto& l : i18n::SupportedLocales()) {
      locales.push_back({{"code", l}, {"label", web.catalog().Lookup(l, "web.language.name")}, {"selected", l == ctx.locale}});
    }
    data["locales"] = locales;
    return web.Render(ctx, "accounts/account.html", "accounts.account.title", data);
  }, {.require_login = true}));

  router.Post("/account/taal", web.Page([&web, &commands](http::Request&, Context& ctx) {
    std::string locale = ctx.form.Get("locale");
    auto r = commands.SetLocale(ctx.user->id, locale);
    if (!r.has_value()) return web.Message(ctx, 400, "web.error.title", "web.bad_form");
    http::Response resp = web.Redirect(ctx, "/account", web::Flash{"success", "accounts.account.saved"});
    http::CookieOptions opts;
    opts.secure = web.options().secure_cookies;
    opts.max_age_seconds = 365LL * 24 * 3600;
    resp.headers.Add("Set-Cookie", http::SetCookieValue(web::kLocaleCookie, locale, opts));
    return resp;
  }, {.require_login = true}));

  // Administrators: users and roles.
  router.Get("/beheer/gebruikers", web.Page([&web, &commands](http::Request& req, Context& ctx) {
    std::string q = req.QueryParam("q").value_or("");
    auto users = commands.ListUsers(q, 200, 0);
    if (!users.has_value()) return web.ErrorPage(ctx, users.error());
    json data;
    data["q"] = q;
    data["count"] = users->size();
    json list = json::array();
    for (const auto& u : *users) {
      list.push_back({{"id", u.id}, {"display_name", u.display_name}, {"email", u.email},
                      {"roles", RolesJson(ctx, u.grants, false)}});
    }
    data["users"] = list;
    return web.Render(ctx, "accounts/admin_users.html", "accounts.admin.users_title", data);
  }, {.require_role = auth::Role::kAdministrator}));

  auto render_user = [&web, &commands, scope_options](Context& ctx, int64_t id, const FormErrors& errors, int status) {
    auto stored = commands.FindUser(id);
    if (!stored.has_value()) return web.ErrorPage(ctx, stored.error());
    if (!*stored) return web.ErrorPage(ctx, NotFound("no such user"));
    const auto& u = (*stored)->user;
    json data;
    data["account"] = {{"id", u.id}, {"display_name", u.display_name}, {"email", u.email}};
    json roles = RolesJson(ctx, u.grants, false);
    for (auto& r : roles) r["revocable"] = true;
    data["roles"] = roles;
    json role_options = json::array();
    for (auth::Role r : auth::kAllRoles) {
      if (r == auth::Role::kResident) continue;
      role_options.push_back({{"value", auth::RoleName(r)}, {"label", ctx.T(RoleLabelKey(r))}});
    }
    data["role_options"] = role_options;
    json scopes = json::array();
    if (scope_options) {
      for (const auto& [value, label] : scope_options()) scopes.push_back({{"value", value}, {"label", label}});
    }
    data["scope_options"] = scopes;
    errors.AppendTo(data);
    data["title"] = u.display_name;
    return web.Render(ctx, "accounts/admin_user.html", "accounts.admin.users_title", data, status);
  };

  router.Get("/beheer/gebruikers/{id}", web.Page([&web, render_user](http::Request& req, Context& ctx) {
    int64_t id = std::atoll(std::string(req.Param("id")).c_str());
    if (id <= 0) return web.ErrorPage(ctx, NotFound("bad id"));
    return render_user(ctx, id, FormErrors(), 200);
  }, {.require_role = auth::Role::kAdministrator}));

  auto change_role = [&web, &commands, render_user](http::Request& req, Context& ctx, bool grant) {
    int64_t id = std::atoll(std::string(req.Param("id")).c_str());
    if (id <= 0) return web.ErrorPage(ctx, NotFound("bad id"));
    auto role = auth::ParseRole(ctx.form.Get("role"));
    std::string scope = ctx.form.Get("scope");
    FormErrors errors;
    if (!role || *role == auth::Role::kResident) {
      errors.Add(ctx, "role", "accounts.admin.role_label", "accounts.admin.bad_role");
      return render_user(ctx, id, errors, 422);
    }
    if (scope.size() > 100) {
      errors.Add(ctx, "scope", "accounts.admin.scope_label", "accounts.error.too_long");
      return render_user(ctx, id, errors, 422);
    }
    auto r = grant ? commands.GrantRole(*ctx.user, id, *role, scope) : commands.RevokeRole(*ctx.user, id, *role, scope);
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kConflict) {
        errors.Add(ctx, "role", "accounts.admin.role_label", r.error().user_message_key);
        return render_user(ctx, id, errors, 409);
      }
      return web.ErrorPage(ctx, r.error());
    }
    return web.Redirect(ctx, "/beheer/gebruikers/" + std::to_string(id),
                        web::Flash{"success", grant ? "accounts.admin.granted" : "accounts.admin.revoked"});
  };

  router.Post("/beheer/gebruikers/{id}/rollen", web.Page([change_role](http::Request& req, Context& ctx) {
    return change_role(req, ctx, true);
  }, {.require_role = auth::Role::kAdministrator}));
  router.Post("/beheer/gebruikers/{id}/rollen/intrekken", web.Page([change_role](http::Request& req, Context& ctx) {
    return change_role(req, ctx, false);
  }, {.require_role = auth::Role::kAdministrator}));
}

}  // namespace wp::accounts
