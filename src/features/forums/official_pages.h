// The organisers' pages (administrators, gebiedsverbinders of the stadsdeel;
// forums.h MayOrganise): the forums, setting one up with quotas proposed from
// the wijk's CBS figures, inviting a seeded sample of addresses, the letters,
// the response, the public draw, members and replacements. Thread-safe.
#pragma once

#include "core/web/forms.h"
#include "core/web/web.h"
#include "features/forums/commands.h"

namespace wp::forums {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, ForumCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Overview(web::Context& ctx);    // GET  /beheer/loting
  Result<http::Response> NewForm(web::Context& ctx);     // GET  /beheer/loting/nieuw[?wijk=&zetels=]
  Result<http::Response> Create(web::Context& ctx);      // POST /beheer/loting/nieuw
  Result<http::Response> Manage(web::Context& ctx);      // GET  /beheer/loting/{slug}
  Result<http::Response> Invite(web::Context& ctx);      // POST /beheer/loting/{slug}/uitnodigen
  Result<http::Response> Letters(web::Context& ctx);     // GET  /beheer/loting/{slug}/brieven.pdf
  Result<http::Response> Close(web::Context& ctx);       // POST /beheer/loting/{slug}/sluiten
  Result<http::Response> Draw(web::Context& ctx);        // POST /beheer/loting/{slug}/loten
  Result<http::Response> Replace(web::Context& ctx);     // POST /beheer/loting/{slug}/vervangen
  Result<http::Response> Refill(web::Context& ctx);      // POST /beheer/loting/{slug}/aanvullen
  Result<http::Response> SecondForm(web::Context& ctx);  // GET  /beheer/loting/{slug}/tweede-loting
  Result<http::Response> Second(web::Context& ctx);      // POST /beheer/loting/{slug}/tweede-loting
  // A new registration round (round_pages.cc).
  Result<http::Response> RoundPage(web::Context& ctx);     // GET  /beheer/loting/{slug}/nieuwe-ronde
  Result<http::Response> OpenRound(web::Context& ctx);     // POST /beheer/loting/{slug}/nieuwe-ronde
  Result<http::Response> RoundLetters(web::Context& ctx);  // GET  /beheer/loting/{slug}/ronde/{number}/brieven.pdf
  Result<http::Response> CloseRound(web::Context& ctx);    // POST /beheer/loting/{slug}/ronde/sluiten
  Result<http::Response> RoundDraw(web::Context& ctx);     // POST /beheer/loting/{slug}/ronde/loten

 private:
  Result<http::Response> ShowNew(web::Context& ctx, const ForumSetup& setup, const std::string& until,
                                 const Error* error);
  Result<http::Response> ShowSecond(web::Context& ctx, const Forum& forum, const SecondDrawForm& in,
                                    const Error* error);
  Result<http::Response> ShowManage(web::Context& ctx, const Forum& forum, const Error* error);
  Result<http::Response> ShowRound(web::Context& ctx, const Forum& forum, const Error* error);

  const web::Web& web_;
  ForumCommands& commands_;
};

// The address file and sample fields of a form that invites addresses
// (views/sample_fields.html): the first invitation and a new round.
void AddSampleFields(web::FormView& form, const web::Context& ctx);

}  // namespace wp::forums
