#include "features/dashboards/feature.h"

#include "features/dashboards/routes.h"
#include "wp_dashboards_files.h"

namespace wp::dashboards {

DashboardFigures& RegisterDashboards(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                     const geography::GeographyService& geography, const OpenDataSettings& settings) {
  registry.AddFiles("dashboards", DashboardsFiles());
  auto& figures = registry.Keep(std::make_unique<DashboardFigures>(deps.db, deps.clock, deps.zone, geography));
  deps.web.AddNav({"/cijfers", "dashboards.nav", std::nullopt, false});
  const web::Web& web = deps.web;
  auto& pages = registry.Keep(std::make_unique<AreaPages>(web, figures));
  auto& reports = registry.Keep(std::make_unique<ReportPages>(web, figures, settings));
  registry.AddRoutes(
      [&web, &pages, &reports](http::Router& router) { AddDashboardRoutes(router, web, pages, reports); });
  return figures;
}

}  // namespace wp::dashboards
