// HTML routes of the codes feature under /beheer/wijkbudget/{slug}/stemcodes.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/codes/commands.h"

namespace wp::codes {

void AddCodeRoutes(http::Router& router, const web::Web& web, CodeCommands& commands);

}  // namespace wp::codes
