// Members' actions on a platform: join (as resident, entrepreneur or
// organisation), leave, the e-mail choices, taking part in a werkgroep, and
// the unsubscribe link of the e-mails (works without signing in). Each
// action goes back to the platform page with a message. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

class MemberPages {
 public:
  MemberPages(const web::Web& web, PlatformCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Join(web::Context& ctx);             // POST /wijkplatform/{slug}/lid-worden
  Result<http::Response> Leave(web::Context& ctx);            // POST /wijkplatform/{slug}/opzeggen
  Result<http::Response> SetMail(web::Context& ctx);          // POST /wijkplatform/{slug}/email
  Result<http::Response> JoinGroup(web::Context& ctx);        // POST .../werkgroepen/{id}/deelnemen
  Result<http::Response> LeaveGroup(web::Context& ctx);       // POST .../werkgroepen/{id}/verlaten
  Result<http::Response> UnsubscribeForm(web::Context& ctx);  // GET  /afmelden/{token}
  Result<http::Response> Unsubscribe(web::Context& ctx);      // POST /afmelden/{token} (RFC 8058 one-click too)

 private:
  // Back to the platform page with `flash_key`, or the error of `done`.
  Result<http::Response> Done(web::Context& ctx, const Platform& p, const Result<void>& done,
                              const char* flash_key) const;
  http::Response ShowUnsubscribe(web::Context& ctx, const UnsubscribeLink& link, bool done) const;

  const web::Web& web_;
  PlatformCommands& commands_;
};

}  // namespace wp::platforms
