// Registering a wijkplatform: the form with the buurten as checkboxes per
// stadsdeel and wijk, a preview of the chosen area on a map (no JavaScript),
// and the registration itself. Signed-in residents only. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

class RegistrationPages {
 public:
  RegistrationPages(const web::Web& web, PlatformCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Form(web::Context& ctx);      // GET  /wijkplatforms/aanmelden
  Result<http::Response> Register(web::Context& ctx);  // POST /wijkplatforms/aanmelden (also the preview)

 private:
  // The form with what was sent (ctx.form) and the fields `error` names.
  http::Response Show(web::Context& ctx, const Error* error);

  const web::Web& web_;
  PlatformCommands& commands_;
};

}  // namespace wp::platforms
