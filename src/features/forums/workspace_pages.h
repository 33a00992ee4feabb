// The forum's workspace pages: everyone reads the current members' names,
// the meetings, the documents and the published agendas; organisers and
// current members (workspace.h MayEditWorkspace) also get the forms to add
// meetings, PDF documents and agenda items, decide and publish. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/forums/workspace_commands.h"

namespace wp::forums {

class WorkspacePages {
 public:
  WorkspacePages(const web::Web& web, WorkspaceCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Show(web::Context& ctx);        // GET  /loting/{slug}/werkplaats
  Result<http::Response> AddMeeting(web::Context& ctx);  // POST /loting/{slug}/werkplaats/vergadering
  Result<http::Response> AddDocument(web::Context& ctx); // POST /loting/{slug}/werkplaats/document
  Result<http::Response> Document(web::Context& ctx);    // GET  /loting/{slug}/werkplaats/document/{id}
  Result<http::Response> AddAgenda(web::Context& ctx);   // POST /loting/{slug}/werkplaats/agenda
  Result<http::Response> AddItem(web::Context& ctx);     // POST /loting/{slug}/werkplaats/agenda/{year}/punt
  Result<http::Response> Decide(web::Context& ctx);      // POST /loting/{slug}/werkplaats/agenda/{year}/besluit
  Result<http::Response> Publish(web::Context& ctx);     // POST /loting/{slug}/werkplaats/agenda/{year}/publiceren
  Result<http::Response> Agenda(web::Context& ctx);      // GET  /loting/{slug}/agenda/{year}

 private:
  Result<http::Response> Render(web::Context& ctx, const Forum& forum, const Error* error);
  // Redirects back to the workspace, or shows it again with the form errors.
  Result<http::Response> After(web::Context& ctx, const Forum& forum, const Result<void>& done, const char* flash);

  const web::Web& web_;
  WorkspaceCommands& commands_;
};

}  // namespace wp::forums
