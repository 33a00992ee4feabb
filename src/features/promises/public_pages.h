// The pages everyone reads: a platform's promises (with the municipal
// commitments of its wijkcontract, read-only) and one promise with its
// history. Officials who keep the promise see the update and handover forms
// on the same page. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/promises/commands.h"

namespace wp::promises {

class PublicPages {
 public:
  PublicPages(const web::Web& web, PromiseCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Platform(web::Context& ctx);  // GET /wijkplatform/{slug}/toezeggingen
  Result<http::Response> Promise(web::Context& ctx);   // GET /toezeggingen/{id}

  // The promise page; `error` (a refused update or handover) shows the typed fields again.
  Result<http::Response> ShowPromise(web::Context& ctx, int64_t id, const Error* error);

 private:
  const web::Web& web_;
  PromiseCommands& commands_;
};

}  // namespace wp::promises
