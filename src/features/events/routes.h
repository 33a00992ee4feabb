// Every URL of the events feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/events/agenda_pages.h"
#include "features/events/event_pages.h"
#include "features/events/kernteam_pages.h"

namespace wp::events {

void AddEventRoutes(http::Router& router, const web::Web& web, AgendaPages& agenda, EventPages& event,
                    KernteamPages& kernteam);

}  // namespace wp::events
