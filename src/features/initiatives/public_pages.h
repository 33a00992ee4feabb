// Public pages: the initiatives per wijk (only those their initiators made
// public), one initiative with its answer, conditions and progress updates
// (no personal data; the initiator's name only when allowed), and the start
// page with the way in. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

class PublicPages {
 public:
  PublicPages(const web::Web& web, InitiativeCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Overview(web::Context& ctx);  // GET /initiatieven
  Result<http::Response> District(web::Context& ctx);  // GET /initiatieven/wijk/{code}
  Result<http::Response> Show(web::Context& ctx);      // GET /initiatieven/{id}
  Result<http::Response> Photo(web::Context& ctx);     // GET /initiatieven/{id}/foto/{file} (files_pages.cc)

 private:
  const web::Web& web_;
  InitiativeCommands& commands_;
};

}  // namespace wp::initiatives
