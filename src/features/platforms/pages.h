// Routes of the platforms feature: overview, registration, public platform
// page, membership, kernteam management, recognition, subsidy, municipal
// overview and the unsubscribe link.
#pragma once

#include "core/db/database.h"
#include "core/http/router.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/geography/service.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

void AddPlatformRoutes(http::Router& router, const web::Web& web, db::Database& db, PlatformCommands& commands,
                       geography::GeographyService& geo, const time::TimeZone& zone);

}  // namespace wp::platforms
