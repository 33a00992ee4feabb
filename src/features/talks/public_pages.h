// The pages everyone reads: the rounds with the meetings per platform, and
// one meeting with its agenda, minutes and agreements (once held; the
// kernteam and the officials read the drafts) and its history. The kernteam
// (and the officials) propose agenda items on the meeting's page. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/talks/commands.h"

namespace wp::talks {

class PublicPages {
 public:
  PublicPages(const web::Web& web, TalkCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Index(web::Context& ctx);    // GET  /gesprekken
  Result<http::Response> Meeting(web::Context& ctx);  // GET  /gesprekken/{id}
  Result<http::Response> Propose(web::Context& ctx);  // POST /gesprekken/{id}/agenda (signed in)

  // The meeting page; `error` (a refused proposal) shows the typed text again.
  Result<http::Response> ShowMeeting(web::Context& ctx, int64_t id, const Error* error);

 private:
  const web::Web& web_;
  TalkCommands& commands_;
};

}  // namespace wp::talks
