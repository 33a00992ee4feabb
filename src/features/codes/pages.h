// HTML routes of the codes feature under /beheer/wijkbudget/{slug}/stemcodes.
#pragma once

#include "core/http/router.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/codes/commands.h"

namespace wp::codes {

void AddCodeRoutes(http::Router& router, const web::Web& web, CodeCommands& commands, const time::TimeZone& zone);

}  // namespace wp::codes
