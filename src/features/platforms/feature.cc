#include "features/platforms/feature.h"

#include "features/platforms/commands.h"
#include "features/platforms/demo.h"
#include "features/platforms/invitations.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/routes.h"
#include "wp_platforms_files.h"

namespace wp::platforms {

PlatformDirectory& RegisterPlatforms(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                     geography::GeographyService& geo, const accounts::Roles& roles,
                                     const PlatformsOptions& options) {
  registry.AddFiles("platforms", PlatformsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("platforms", PlatformsFiles()));
  auto& commands = registry.Keep(
      std::make_unique<PlatformCommands>(deps.db, deps.clock, deps.random, geo, roles, options.area_policy,
                                         ContactChecks{.catalog = &deps.web.catalog(),
                                                       .site = {.base_url = deps.web.options().base_url,
                                                                .site_name = deps.web.options().site_name}}));
  auto& directory = registry.Keep(std::make_unique<PlatformDirectory>(commands));
  auto& invitations = registry.Keep(std::make_unique<InvitationCommands>(
      deps.db, deps.clock, deps.random, deps.web.catalog(), roles,
      InvitationSettings{.base_url = deps.web.options().base_url, .site_name = deps.web.options().site_name}));
  deps.web.AddNav({"/wijkplatforms", "platforms.nav.overview", std::nullopt, false});
  deps.web.AddNav({"/beheer/wijkplatforms", "platforms.nav.admin", auth::Role::kAreaLiaison, true});
  registry.AddStat({"wp_platforms_active", "Active wijkplatforms (submitted, in formation, recognised)",
                    [](db::Connection& c) { return PlatformStore::CountActive(c).value_or(0); }});
  registry.AddDemo("platforms", [&commands, &invitations](const web::DemoSeed& seed) {
    return LoadPlatformsDemo(seed, commands, invitations);
  });

  const web::Web& web = deps.web;
  auto& public_pages = registry.Keep(std::make_unique<PublicPages>(web, commands, directory, deps.zone));
  // The wijk page (geography's) shows the wijk's platform(s), or how to start one.
  geo.AddDistrictSection([&public_pages](std::string_view district_code, std::string_view locale) {
    return public_pages.DistrictSection(district_code, locale);
  });
  PlatformPages pages{public_pages,
                      registry.Keep(std::make_unique<RegistrationPages>(web, commands)),
                      registry.Keep(std::make_unique<MemberPages>(web, commands)),
                      registry.Keep(std::make_unique<KernteamPages>(web, commands, invitations, deps.zone)),
                      registry.Keep(std::make_unique<RecognitionPages>(web, commands, deps.zone)),
                      registry.Keep(std::make_unique<SubsidyPages>(web, commands)),
                      registry.Keep(std::make_unique<AdminPages>(web, commands)),
                      registry.Keep(std::make_unique<InvitationPages>(web, invitations))};
  registry.AddRoutes([&web, pages](http::Router& router) { AddPlatformRoutes(router, web, pages); });
  return directory;
}

}  // namespace wp::platforms
