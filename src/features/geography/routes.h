// Every URL of the geography feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/geography/area_pages.h"
#include "features/geography/contact_pages.h"

namespace wp::geography {

void AddGeographyRoutes(http::Router& router, const web::Web& web, AreaPages& areas, ContactPages& contacts);

}  // namespace wp::geography
