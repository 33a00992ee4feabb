// The page of a kernteam invitation (/uitnodiging/{token}, the link in the
// invitation mail): who invites whom to what, and, for the invited person
// signed in with the invited address, the buttons to accept or decline.
// A GET changes nothing (mail scanners open links). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/invitations.h"

namespace wp::platforms {

class InvitationPages {
 public:
  InvitationPages(const web::Web& web, InvitationCommands& invitations) : web_(web), invitations_(invitations) {}

  Result<http::Response> Show(web::Context& ctx);    // GET  /uitnodiging/{token}
  Result<http::Response> Answer(web::Context& ctx);  // POST /uitnodiging/{token} (answer=ja|nee), signed in

 private:
  const web::Web& web_;
  InvitationCommands& invitations_;
};

}  // namespace wp::platforms
