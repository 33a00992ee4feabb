// The officials' pages (gebiedsverbinders of a stadsdeel, administrators;
// permissions.h): plan a round and see its meetings, give a meeting a date
// and a place (or move it), and record it: minutes, agreements, held,
// cancelled, closed. The commands check the rights per platform (403
// otherwise). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/talks/commands.h"

namespace wp::talks {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, TalkCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Overview(web::Context& ctx);         // GET  /beheer/gesprekken
  Result<http::Response> PlanRound(web::Context& ctx);        // POST /beheer/gesprekken
  Result<http::Response> ScheduleForm(web::Context& ctx);     // GET  /beheer/gesprekken/{id}/plannen
  Result<http::Response> Schedule(web::Context& ctx);         // POST /beheer/gesprekken/{id}/plannen
  Result<http::Response> Record(web::Context& ctx);           // GET  /beheer/gesprekken/{id}/verslag
  Result<http::Response> SaveMinutes(web::Context& ctx);      // POST /beheer/gesprekken/{id}/verslag
  Result<http::Response> AddAgreement(web::Context& ctx);     // POST /beheer/gesprekken/{id}/afspraken
  Result<http::Response> RemoveAgreement(web::Context& ctx);  // POST .../afspraken/{agreement}/verwijderen
  Result<http::Response> MarkHeld(web::Context& ctx);         // POST /beheer/gesprekken/{id}/gehouden
  Result<http::Response> Cancel(web::Context& ctx);           // POST /beheer/gesprekken/{id}/afgelasten
  Result<http::Response> Close(web::Context& ctx);            // POST /beheer/gesprekken/{id}/sluiten

 private:
  Result<http::Response> ShowOverview(web::Context& ctx, const RoundForm& form, const Error* error);
  Result<http::Response> ShowSchedule(web::Context& ctx, int64_t id, const Error* error);
  Result<http::Response> ShowRecord(web::Context& ctx, int64_t id, const Error* error);
  // The page after a change of meeting `id`: the record page again with the
  // refused fields (422), the error page, or a redirect with `flash_key`.
  Result<http::Response> After(web::Context& ctx, int64_t id, const Result<void>& done, const char* flash_key);

  const web::Web& web_;
  TalkCommands& commands_;
};

}  // namespace wp::talks
