// AddAdviceRoutes: every URL of advice, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/advice/kernteam_pages.h"
#include "features/advice/official_pages.h"
#include "features/advice/public_pages.h"

namespace wp::advice {

void AddAdviceRoutes(http::Router& router, const web::Web& web, PublicPages& open, KernteamPages& kernteam,
                     OfficialPages& official);

}  // namespace wp::advice
