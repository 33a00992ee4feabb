#include "features/geography/feature.h"

#include "features/geography/demo.h"
#include "features/geography/routes.h"
#include "wp_geography_files.h"

namespace wp::geography {

GeographyService& RegisterGeography(web::FeatureRegistry& registry, const web::FeatureDeps& deps) {
  registry.AddFiles("geography", GeographyFiles());
  registry.AddMigrations(db::MigrationsFromFiles("geography", GeographyFiles()));
  auto& service = registry.Keep(std::make_unique<GeographyService>(deps.db, deps.clock));
  GeographyCommands& commands = service.commands();
  deps.web.AddNav({"/", "geography.nav.home", std::nullopt, false});
  registry.AddStat({"geography_districts", "Districts (wijken) of the municipality",
                    [&service](db::Connection&) { return static_cast<int64_t>(service.current()->districts.size()); }});
  registry.AddDemo("geography", [&service](const web::DemoSeed& seed) { return LoadGeographyDemo(seed, service); });
  const web::Web& web = deps.web;
  auto& areas = registry.Keep(std::make_unique<AreaPages>(web, service, commands));
  auto& contacts = registry.Keep(std::make_unique<ContactPages>(web, service, commands));
  registry.AddRoutes(
      [&web, &areas, &contacts](http::Router& router) { AddGeographyRoutes(router, web, areas, contacts); });
  return service;
}

}  // namespace wp::geography
