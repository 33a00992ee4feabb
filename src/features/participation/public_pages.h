// The pages everyone reads: the calendar (/participatie: the projects per
// stadsdeel, filtered by stadsdeel, wijk and status with a plain GET form)
// and a project's participation paragraph (/participatie/{id}: what you can
// influence, what is fixed, the level in plain words, the timeline, how the
// wijkplatform takes part, the contact and the history). Officials who
// manage the project see the status form and an edit link on the same page.
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/participation/commands.h"

namespace wp::participation {

class PublicPages {
 public:
  PublicPages(const web::Web& web, ProjectCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Calendar(web::Context& ctx);  // GET /participatie[?stadsdeel=&wijk=&stand=]
  Result<http::Response> Project(web::Context& ctx);   // GET /participatie/{id}

  // The project page; `error` (a refused status change) shows the typed fields again.
  Result<http::Response> ShowProject(web::Context& ctx, int64_t id, const Error* error);

 private:
  const web::Web& web_;
  ProjectCommands& commands_;
};

}  // namespace wp::participation
