// Pages for municipal staff handling signals: the work queue with filters
// (status, department, stadsdeel, category, overdue, needs attention, mine)
// and one signal with its full history and the actions on it (status, an
// internal note, a message to the reporter, assignment, merging, forwarding).
// Only staff with a handling grant and administrators. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/directory.h"
#include "features/signals/commands.h"

namespace wp::signals {

class StaffPages {
 public:
  StaffPages(const web::Web& web, SignalCommands& commands, const platforms::PlatformDirectory& directory)
      : web_(web), commands_(commands), platforms_(directory) {}

  Result<http::Response> Queue(web::Context& ctx);         // GET  /beheer/meldingen
  Result<http::Response> Show(web::Context& ctx);          // GET  /beheer/meldingen/{id}
  Result<http::Response> ChangeStatus(web::Context& ctx);  // POST /beheer/meldingen/{id}/status
  Result<http::Response> AddNote(web::Context& ctx);       // POST /beheer/meldingen/{id}/notitie
  Result<http::Response> Message(web::Context& ctx);       // POST /beheer/meldingen/{id}/bericht
  Result<http::Response> Assign(web::Context& ctx);        // POST /beheer/meldingen/{id}/toewijzen
  Result<http::Response> Merge(web::Context& ctx);         // POST /beheer/meldingen/{id}/samenvoegen
  Result<http::Response> Forward(web::Context& ctx);       // POST /beheer/meldingen/{id}/doorsturen
  Result<http::Response> Photo(web::Context& ctx);         // GET  /beheer/meldingen/foto/{id}

 private:
  http::Response ShowSignal(web::Context& ctx, const StaffView& view, std::vector<FieldError> errors);
  // After an action: back to the signal, or the page again with the errors.
  Result<http::Response> After(web::Context& ctx, int64_t id, const Result<void>& done, const char* flash_key);

  const web::Web& web_;
  SignalCommands& commands_;
  const platforms::PlatformDirectory& platforms_;
};

}  // namespace wp::signals
