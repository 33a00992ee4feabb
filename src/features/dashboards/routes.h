// Every URL of the dashboards, in one list; all public (counts only).
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/dashboards/area_pages.h"
#include "features/dashboards/report_pages.h"

namespace wp::dashboards {

void AddDashboardRoutes(http::Router& router, const web::Web& web, AreaPages& pages, ReportPages& reports);

}  // namespace wp::dashboards
