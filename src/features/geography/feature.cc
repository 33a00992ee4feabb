#include "features/geography/feature.h"

#include "features/geography/pages.h"
#include "wp_geography_files.h"

namespace wp::geography {

GeographyService& RegisterGeography(web::FeatureRegistry& registry, const web::FeatureDeps& deps) {
  registry.AddFiles("geography", GeographyFiles());
  registry.AddMigrations(db::MigrationsFromFiles("geography", GeographyFiles()));
  auto& service = registry.Keep(std::make_unique<GeographyService>(deps.db, deps.clock));
  deps.web.AddNav({"/", "geography.nav.home", std::nullopt, false});
  registry.AddStat({"geography_districts", "Districts (wijken) of the municipality",
                    [&service](db::Connection&) { return static_cast<int64_t>(service.current()->districts.size()); }});
  const web::Web& web = deps.web;
  registry.AddRoutes([&web, &service](http::Router& router) { AddGeographyRoutes(router, web, service); });
  return service;
}

}  // namespace wp::geography
