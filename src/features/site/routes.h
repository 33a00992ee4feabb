// Every URL of the site feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/site/site_pages.h"

namespace wp::site {

void AddSiteRoutes(http::Router& router, const web::Web& web, SitePages& pages);

}  // namespace wp::site
