// RegisterDashboards: reach, topics and outcomes of the wijkplatforms per
// city, stadsdeel and wijk (#19), the evaluation report and the open data,
// read from the other features' published counts and protected so that no
// group smaller than 10 shows.
#pragma once

#include "core/web/registry.h"
#include "features/dashboards/figures.h"
#include "features/dashboards/report_pages.h"
#include "features/geography/service.h"

namespace wp::dashboards {

DashboardFigures& RegisterDashboards(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                     const geography::GeographyService& geography, const OpenDataSettings& settings);

}  // namespace wp::dashboards
