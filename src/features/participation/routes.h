// AddParticipationRoutes: every URL of the participation calendar, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/participation/official_pages.h"
#include "features/participation/platform_pages.h"
#include "features/participation/public_pages.h"

namespace wp::participation {

void AddParticipationRoutes(http::Router& router, const web::Web& web, PublicPages& open, PlatformPages& platform,
                            OfficialPages& official);

}  // namespace wp::participation
