// The officials' pages for a lost letter: find it by address or number, see
// its state, and revoke its code and make a new letter. The edition's
// managers only. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/codes/commands.h"

namespace wp::codes {

class LetterPages {
 public:
  LetterPages(const web::Web& web, CodeCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Find(web::Context& ctx);     // GET  /beheer/wijkbudget/{slug}/stemcodes/brief?q=
  Result<http::Response> Show(web::Context& ctx);     // GET  .../stemcodes/brief/{number}
  Result<http::Response> Reissue(web::Context& ctx);  // POST .../stemcodes/brief/{number}/opnieuw

 private:
  const web::Web& web_;
  CodeCommands& commands_;
};

}  // namespace wp::codes
