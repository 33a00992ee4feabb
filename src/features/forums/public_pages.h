// Pages for everyone: the forums and panels, a forum with its quotas,
// response, members (by public id) and history, the published draw page with
// its files, and the registration with a letter's code (no account).
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/forums/commands.h"

namespace wp::forums {

class PublicPages {
 public:
  PublicPages(const web::Web& web, ForumCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Index(web::Context& ctx);         // GET  /loting
  Result<http::Response> ForumPage(web::Context& ctx);     // GET  /loting/{slug}
  Result<http::Response> DrawPage(web::Context& ctx);      // GET  /loting/{slug}/trekking/{id}
  Result<http::Response> DrawFile(web::Context& ctx);      // GET  /loting/{slug}/trekking/{id}/{file}
  Result<http::Response> RegisterForm(web::Context& ctx);  // GET  /aanmelden[?code=]
  Result<http::Response> Register(web::Context& ctx);      // POST /aanmelden
  Result<http::Response> Registered(web::Context& ctx);    // GET  /aanmelden/klaar

 private:
  Result<http::Response> ShowRegister(web::Context& ctx, const RegistrationForm& form, const Error* error);

  const web::Web& web_;
  ForumCommands& commands_;
};

}  // namespace wp::forums
