// HTML and feed routes of events: agenda pages and iCalendar feeds, the
// event page with registration, cancel links, and the kernteam's pages.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/events/commands.h"
#include "features/geography/service.h"

namespace wp::events {

void AddEventRoutes(http::Router& router, const web::Web& web, EventCommands& commands,
                    geography::GeographyService& geography);

}  // namespace wp::events
