#include "features/platforms/feature.h"

#include "core/html/escape.h"
#include "features/platforms/commands.h"
#include "features/platforms/demo.h"
#include "features/platforms/pages.h"
#include "wp_platforms_files.h"

namespace wp::platforms {

PlatformDirectory& RegisterPlatforms(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                     geography::GeographyService& geo, const PlatformsOptions& options) {
  registry.AddFiles("platforms", PlatformsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("platforms", PlatformsFiles()));
  auto& directory = registry.Keep(std::make_unique<PlatformDirectory>(deps.db));
  auto& commands =
      registry.Keep(std::make_unique<PlatformCommands>(deps.db, deps.clock, deps.random, geo, options.area_policy));
  deps.web.AddNav({"/wijkplatforms", "platforms.nav.overview", std::nullopt, false});
  deps.web.AddNav({"/beheer/wijkplatforms", "platforms.nav.admin", auth::Role::kAreaLiaison, true});
  registry.AddStat({"wp_platforms_active", "Active wijkplatforms (submitted, in formation, recognised)",
                    [](db::Connection& c) -> int64_t {
                      auto row = c.QueryOne("SELECT COUNT(*) FROM platforms WHERE status IN "
                                            "('submitted', 'in_formation', 'recognised')");
                      return row.has_value() ? row->Int(0) : 0;
                    }});
  registry.AddDemo("platforms", [&commands, &db = deps.db](const web::DemoSeed& seed) {
    return LoadPlatformsDemo(seed, db, commands);
  });
  // The wijk page (geography's) shows the wijk's platform(s), or how to start one.
  const i18n::Catalog& catalog = deps.web.catalog();
  geo.AddDistrictSection([&directory, &catalog](std::string_view district_code, std::string_view locale) {
    std::string out = "<section class=\"wp-district-platform\"><h2 class=\"utrecht-heading-2\">" +
                      html::Escape(catalog.Lookup(locale, "platforms.district.heading")) + "</h2>";
    auto platforms = directory.ActiveForDistrict(district_code);
    if (platforms.has_value() && !platforms->empty()) {
      for (const auto& p : *platforms) {
        out += "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/wijkplatform/" + html::Escape(p.slug) +
               "\">" + html::Escape(p.name) + "</a> (" +
               html::Escape(catalog.Lookup(locale, "platforms.status." + std::string(PlatformStatusName(p.status)))) +
               ")</p>";
      }
    } else {
      out += "<p class=\"utrecht-paragraph\">" + html::Escape(catalog.Lookup(locale, "platforms.district.none")) +
             " <a class=\"utrecht-link\" href=\"/wijkplatforms/aanmelden\">" +
             html::Escape(catalog.Lookup(locale, "platforms.overview.register")) + "</a></p>";
    }
    return out + "</section>";
  });
  const web::Web& web = deps.web;
  db::Database& db = deps.db;
  registry.AddRoutes([&web, &db, &commands, &geo, &zone = deps.zone](http::Router& router) {
    AddPlatformRoutes(router, web, db, commands, geo, zone);
  });
  return directory;
}

}  // namespace wp::platforms
