// Pages for getting in and out: sign in, sign out, create an account, and a
// forgotten password. Each handler is a named function of the request
// context (see core/web/web.h: Web::Handler). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/accounts/commands.h"

namespace wp::accounts {

class SessionPages {
 public:
  SessionPages(const web::Web& web, AccountCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> LoginForm(web::Context& ctx);     // GET  /inloggen
  Result<http::Response> Login(web::Context& ctx);         // POST /inloggen
  Result<http::Response> Logout(web::Context& ctx);        // POST /uitloggen
  Result<http::Response> RegisterForm(web::Context& ctx);  // GET  /registreren
  Result<http::Response> Register(web::Context& ctx);      // POST /registreren
  Result<http::Response> ForgotForm(web::Context& ctx);    // GET  /wachtwoord-vergeten
  Result<http::Response> Forgot(web::Context& ctx);        // POST /wachtwoord-vergeten
  Result<http::Response> ResetForm(web::Context& ctx);     // GET  /wachtwoord/herstel/{token}
  Result<http::Response> Reset(web::Context& ctx);         // POST /wachtwoord/herstel/{token}
  Result<http::Response> LinkForm(web::Context& ctx);      // GET  /inloggen/link
  Result<http::Response> RequestLink(web::Context& ctx);   // POST /inloggen/link
  Result<http::Response> LinkPage(web::Context& ctx);      // GET  /inloggen/link/{token}
  Result<http::Response> UseLink(web::Context& ctx);       // POST /inloggen/link/{token}
  Result<http::Response> CheckPage(web::Context& ctx);     // GET  /e-mailadres/bevestigen/{token}
  Result<http::Response> Confirm(web::Context& ctx);       // POST /e-mailadres/bevestigen/{token}

 private:
  http::Response ShowLogin(web::Context& ctx, const std::string& email, const std::string& next, const Error* error);
  http::Response ShowRegister(web::Context& ctx, const Registration& in, bool sent, const Error* error);
  http::Response ShowForgot(web::Context& ctx, const std::string& email, bool sent, const Error* error);
  http::Response ShowReset(web::Context& ctx, const std::string& token, const Error* error);
  http::Response ShowLinkForm(web::Context& ctx, const std::string& email, bool sent, const Error* error);
  // After sign-in or registration: a new session cookie and the user.
  void SignIn(web::Context& ctx, const SignIn& signed_in) const;

  const web::Web& web_;
  AccountCommands& commands_;
};

}  // namespace wp::accounts
