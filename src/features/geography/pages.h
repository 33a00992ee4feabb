// HTML routes of the geography feature: the home page with the city map, a
// page per stadsdeel (with its gebiedsverbinder contact) and per wijk.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/geography/service.h"

namespace wp::geography {

void AddGeographyRoutes(http::Router& router, const web::Web& web, GeographyService& service);

}  // namespace wp::geography
