// The officials' pages (permissions.h: gebiedsverbinders for their
// stadsdeel, municipal staff and experts, administrators): the list of
// projects they manage, a new project, editing one, and the status change
// (its form is on the project page). The commands check the rights per
// project (403 otherwise). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/participation/commands.h"
#include "features/participation/public_pages.h"

namespace wp::participation {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, ProjectCommands& commands, PublicPages& public_pages)
      : web_(web), commands_(commands), public_pages_(public_pages) {}

  Result<http::Response> Overview(web::Context& ctx);      // GET  /beheer/participatie
  Result<http::Response> NewForm(web::Context& ctx);       // GET  /beheer/participatie/nieuw
  Result<http::Response> Create(web::Context& ctx);        // POST /beheer/participatie/nieuw
  Result<http::Response> EditForm(web::Context& ctx);      // GET  /participatie/{id}/wijzigen
  Result<http::Response> Edit(web::Context& ctx);          // POST /participatie/{id}/wijzigen
  Result<http::Response> ChangeStatus(web::Context& ctx);  // POST /participatie/{id}/status

 private:
  // The project form; `id` 0 for a new project.
  Result<http::Response> ShowForm(web::Context& ctx, const ProjectForm& form, int64_t id, const Error* error);

  const web::Web& web_;
  ProjectCommands& commands_;
  PublicPages& public_pages_;
};

}  // namespace wp::participation
