// Public agenda pages of events: a platform's agenda and the iCalendar feeds
// of a platform and of a wijk. Handlers are named functions of the request
// context (core/web/web.h). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/events/commands.h"
#include "features/geography/service.h"

namespace wp::events {

class AgendaPages {
 public:
  AgendaPages(const web::Web& web, EventCommands& commands, geography::GeographyService& geography)
      : web_(web), commands_(commands), geography_(geography) {}

  Result<http::Response> Agenda(web::Context& ctx);            // GET /wijkplatform/{slug}/agenda
  Result<http::Response> PlatformCalendar(web::Context& ctx);  // GET /wijkplatform/{slug}/agenda.ics
  Result<http::Response> DistrictCalendar(web::Context& ctx);  // GET /wijk/{code}/agenda.ics

 private:
  const web::Web& web_;
  EventCommands& commands_;
  geography::GeographyService& geography_;
};

}  // namespace wp::events
