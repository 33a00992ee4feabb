// The officials' pages (gebiedsverbinders of a stadsdeel, administrators;
// permissions.h): the late promises per stadsdeel, a new promise (also from
// an answer point: "make it a promise"), and the update and handover of a
// promise (their forms are on the promise page). The commands check the
// rights per platform (403 otherwise). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/promises/commands.h"
#include "features/promises/public_pages.h"

namespace wp::promises {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, PromiseCommands& commands, PublicPages& public_pages)
      : web_(web), commands_(commands), public_pages_(public_pages) {}

  Result<http::Response> Overview(web::Context& ctx);  // GET  /beheer/toezeggingen
  // GET /beheer/toezeggingen/nieuw[?platform=ID | ?advies=ID&punt=N]
  Result<http::Response> NewForm(web::Context& ctx);
  Result<http::Response> Create(web::Context& ctx);    // POST /beheer/toezeggingen/nieuw
  Result<http::Response> Update(web::Context& ctx);    // POST /toezeggingen/{id}/bijwerken
  Result<http::Response> Handover(web::Context& ctx);  // POST /toezeggingen/{id}/overdragen

 private:
  // The new-promise form. `answer` fixes the platform and the source.
  Result<http::Response> ShowForm(web::Context& ctx, const PromiseForm& form, int64_t platform_id,
                                  const std::optional<FromAnswer>& answer, const Error* error);

  const web::Web& web_;
  PromiseCommands& commands_;
  PublicPages& public_pages_;
};

}  // namespace wp::promises
