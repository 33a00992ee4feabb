#include "features/accounts/session_pages.h"

#include "core/http/error_response.h"
#include "core/http/local_path.h"
#include "core/web/forms.h"

namespace wp::accounts {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

std::string SafeNext(const std::string& next) { return http::SafeLocalPath(next).value_or("/account"); }

// The fields a failed command asks to correct, or none.
std::vector<FieldError> FieldsOf(const Error* error) { return error ? error->fields : std::vector<FieldError>{}; }
int StatusOf(const Error* error) { return error ? http::StatusForError(*error) : 200; }

}  // namespace

void SessionPages::SignIn(Context& ctx, const accounts::SignIn& signed_in) const {
  ctx.RotateSession(signed_in.session_token, web_.options().csrf_secret);
  ctx.user = signed_in.user;
}

http::Response SessionPages::ShowLogin(Context& ctx, const std::string& email, const std::string& next,
                                       const Error* error) {
  FormView form(ctx, FieldsOf(error));
  form.Field({.name = "email",
              .label_key = "accounts.field.email",
              .type = "email",
              .value = email,
              .autocomplete = "username"});
  form.Field({.name = "password",
              .label_key = "accounts.field.password",
              .type = "password",
              .autocomplete = "current-password"});
  json data = {{"next", next}};
  form.AppendTo(data);
  return web_.Render(ctx, "accounts/login.html", "accounts.login.title", data, StatusOf(error));
}

Result<http::Response> SessionPages::LoginForm(Context& ctx) {
  if (ctx.user) return web_.Redirect(ctx, "/account");
  return ShowLogin(ctx, "", http::SafeLocalPath(ctx.Query("next").value_or("")).value_or(""), nullptr);
}

Result<http::Response> SessionPages::Login(Context& ctx) {
  std::string email = ctx.form.Get("email");
  std::string next = ctx.form.Get("next");
  std::vector<FieldError> missing;
  if (email.empty()) missing.push_back({"email", "web.required"});
  if (ctx.form.Get("password").empty()) missing.push_back({"password", "web.required"});
  if (!missing.empty()) {
    Error e = FormInvalid(std::move(missing));
    return ShowLogin(ctx, email, next, &e);
  }
  auto signed_in = commands_.Login(email, ctx.form.Get("password"), ctx.request->remote_addr);
  if (!signed_in.has_value()) {
    if (signed_in.error().has_fields()) return ShowLogin(ctx, email, next, &signed_in.error());
    return signed_in.error();
  }
  SignIn(ctx, *signed_in);
  return web_.Redirect(ctx, SafeNext(next), web::Flash{"success", "accounts.login.done"});
}

Result<http::Response> SessionPages::Logout(Context& ctx) {
  if (ctx.user) WP_TRY_VOID(commands_.Logout(ctx.session_token));
  ctx.RotateSession(commands_.NewAnonymousToken(), web_.options().csrf_secret);
  ctx.user.reset();
  return web_.Redirect(ctx, "/", web::Flash{"success", "accounts.logout.done"});
}

http::Response SessionPages::ShowRegister(Context& ctx, const Registration& in, bool sent, const Error* error) {
  FormView form(ctx, FieldsOf(error));
  form.Field({.name = "display_name",
              .label_key = "accounts.field.display_name",
              .value = in.display_name,
              .autocomplete = "name",
              .description_key = "accounts.field.display_name_hint"});
  form.Field({.name = "email",
              .label_key = "accounts.field.email",
              .type = "email",
              .value = in.email,
              .autocomplete = "email"});
  form.Field({.name = "password",
              .label_key = "accounts.field.password",
              .type = "password",
              .autocomplete = "new-password",
              .description_key = "accounts.field.password_hint"});
  form.Field({.name = "password_repeat",
              .label_key = "accounts.field.password_repeat",
              .type = "password",
              .autocomplete = "new-password"});
  json data = {{"sent", sent}};
  form.AppendTo(data);
  return web_.Render(ctx, "accounts/register.html", "accounts.register.title", data, StatusOf(error));
}

Result<http::Response> SessionPages::RegisterForm(Context& ctx) {
  if (ctx.user) return web_.Redirect(ctx, "/account");
  return ShowRegister(ctx, Registration{}, ctx.Query("verstuurd").has_value(), nullptr);
}

Result<http::Response> SessionPages::Register(Context& ctx) {
  Registration in{ctx.form.Get("email"), ctx.form.Get("display_name"), ctx.form.Get("password"),
                  ctx.form.Get("password_repeat"), ctx.locale};
  auto r = commands_.Register(in);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowRegister(ctx, in, false, &r.error());
    return r.error();
  }
  // The same answer whether or not the address has an account.
  return web_.Redirect(ctx, "/registreren?verstuurd=1");
}

http::Response SessionPages::ShowForgot(Context& ctx, const std::string& email, bool sent, const Error* error) {
  FormView form(ctx, FieldsOf(error));
  form.Field(
      {.name = "email", .label_key = "accounts.field.email", .type = "email", .value = email, .autocomplete = "email"});
  json data = {{"sent", sent}};
  form.AppendTo(data);
  return web_.Render(ctx, "accounts/forgot.html", "accounts.forgot.title", data, StatusOf(error));
}

Result<http::Response> SessionPages::ForgotForm(Context& ctx) {
  return ShowForgot(ctx, "", ctx.Query("verstuurd").has_value(), nullptr);
}

Result<http::Response> SessionPages::Forgot(Context& ctx) {
  std::string email = ctx.form.Get("email");
  auto r = commands_.RequestPasswordReset(email, ctx.request->remote_addr, ctx.locale);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowForgot(ctx, email, false, &r.error());
    return r.error();
  }
  // The same answer whether or not the address has an account.
  return web_.Redirect(ctx, "/wachtwoord-vergeten?verstuurd=1");
}

http::Response SessionPages::ShowReset(Context& ctx, const std::string& token, const Error* error) {
  bool invalid = token.empty();
  FormView form(ctx, FieldsOf(error));
  form.Field({.name = "password",
              .label_key = "accounts.field.new_password",
              .type = "password",
              .autocomplete = "new-password",
              .description_key = "accounts.field.password_hint"});
  form.Field({.name = "password_repeat",
              .label_key = "accounts.field.password_repeat",
              .type = "password",
              .autocomplete = "new-password"});
  json data = {{"token", token}, {"invalid", invalid}};
  form.AppendTo(data);
  return web_.Render(ctx, "accounts/reset.html", "accounts.reset.title", data, invalid ? 404 : StatusOf(error));
}

Result<http::Response> SessionPages::ResetForm(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(bool valid, commands_.IsResetLinkValid(token));
  return ShowReset(ctx, valid ? token : "", nullptr);
}

Result<http::Response> SessionPages::Reset(Context& ctx) {
  std::string token(ctx.Param("token"));
  auto r = commands_.ResetPassword(token, ctx.form.Get("password"), ctx.form.Get("password_repeat"));
  if (!r.has_value()) {
    if (r.error().code == ErrorCode::kNotFound) return ShowReset(ctx, "", nullptr);
    if (r.error().has_fields()) return ShowReset(ctx, token, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, "/inloggen", web::Flash{"success", "accounts.reset.done"});
}

http::Response SessionPages::ShowLinkForm(Context& ctx, const std::string& email, bool sent, const Error* error) {
  FormView form(ctx, FieldsOf(error));
  form.Field(
      {.name = "email", .label_key = "accounts.field.email", .type = "email", .value = email, .autocomplete = "email"});
  json data = {{"sent", sent}};
  form.AppendTo(data);
  return web_.Render(ctx, "accounts/sign_in_link.html", "accounts.link.title", data, StatusOf(error));
}

Result<http::Response> SessionPages::LinkForm(Context& ctx) {
  return ShowLinkForm(ctx, "", ctx.Query("verstuurd").has_value(), nullptr);
}

Result<http::Response> SessionPages::RequestLink(Context& ctx) {
  std::string email = ctx.form.Get("email");
  auto r = commands_.RequestSignInLink(email, ctx.request->remote_addr, ctx.locale);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowLinkForm(ctx, email, false, &r.error());
    return r.error();
  }
  // The same answer whether or not the address has an account.
  return web_.Redirect(ctx, "/inloggen/link?verstuurd=1");
}

// The link opens a page with a button: mail scanners that follow links do not
// use it up, and nobody is signed in by a GET.
Result<http::Response> SessionPages::LinkPage(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(bool valid, commands_.IsSignInLinkValid(token));
  json data = {{"token", valid ? token : ""}, {"invalid", !valid}};
  return web_.Render(ctx, "accounts/sign_in_link_use.html", "accounts.link.title", data, valid ? 200 : 404);
}

Result<http::Response> SessionPages::UseLink(Context& ctx) {
  auto signed_in = commands_.SignInWithLink(std::string(ctx.Param("token")));
  if (!signed_in.has_value()) return signed_in.error();
  SignIn(ctx, *signed_in);
  return web_.Redirect(ctx, "/account", web::Flash{"success", "accounts.login.done"});
}

Result<http::Response> SessionPages::CheckPage(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(bool valid, commands_.IsCheckLinkValid(token));
  json data = {{"token", valid ? token : ""}, {"invalid", !valid}};
  return web_.Render(ctx, "accounts/address_check.html", "accounts.check.title", data, valid ? 200 : 404);
}

Result<http::Response> SessionPages::Confirm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto signed_in, commands_.ConfirmAddress(std::string(ctx.Param("token"))));
  if (!signed_in) return web_.Redirect(ctx, "/", web::Flash{"success", "accounts.check.done"});
  SignIn(ctx, *signed_in);
  return web_.Redirect(ctx, "/account", web::Flash{"success", "accounts.check.done_signed_in"});
}

}  // namespace wp::accounts
