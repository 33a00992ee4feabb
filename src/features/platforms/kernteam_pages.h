// The kernteam's page of its platform (/wijkplatform/{slug}/beheer): the
// details, the kernteam (invited by e-mail: invitations.h; never the last one removed),
// werkgroepen, spreekuren and the list of members. One page with a form per
// section; a refused form is shown again with its errors. Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/platforms/commands.h"
#include "features/platforms/invitations.h"

namespace wp::platforms {

class KernteamPages {
 public:
  KernteamPages(const web::Web& web, PlatformCommands& commands, InvitationCommands& invitations,
                const time::TimeZone& zone)
      : web_(web), commands_(commands), invitations_(invitations), zone_(zone) {}

  Result<http::Response> Manage(web::Context& ctx);  // GET  /wijkplatform/{slug}/beheer
  // POST /wijkplatform/{slug}/beheer, the form's "section": details,
  // kernteam, group or hours.
  Result<http::Response> Save(web::Context& ctx);
  Result<http::Response> RemoveKernteamMember(web::Context& ctx);  // POST .../beheer/kernteam/{id}/verwijderen
  Result<http::Response> DeleteWorkingGroup(web::Context& ctx);    // POST .../beheer/werkgroepen/{id}/verwijderen
  Result<http::Response> DeleteOfficeHours(web::Context& ctx);     // POST .../beheer/spreekuren/{id}/verwijderen

 private:
  // The platform of {slug} when the user may manage it. Errors: kNotFound, kForbidden.
  Result<Platform> Managed(web::Context& ctx) const;
  // The page; `error` holds the fields of the section that was sent.
  Result<http::Response> Show(web::Context& ctx, const Platform& p, const Error* error);
  Result<void> SaveSection(web::Context& ctx, const Platform& p, const std::string& section);
  // Back to the page with `flash_key`, or the error of `done`.
  Result<http::Response> Done(web::Context& ctx, const Platform& p, const Result<void>& done,
                              const char* flash_key) const;

  const web::Web& web_;
  PlatformCommands& commands_;
  InvitationCommands& invitations_;
  const time::TimeZone& zone_;
};

}  // namespace wp::platforms
