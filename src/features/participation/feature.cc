#include "features/participation/feature.h"

#include "features/participation/demo.h"
#include "features/participation/project_store.h"
#include "features/participation/routes.h"
#include "features/participation/sections.h"
#include "wp_participation_files.h"

namespace wp::participation {

ProjectCommands& RegisterParticipation(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                       geography::GeographyService& geography,
                                       platforms::PlatformDirectory& directory, const accounts::Roles& roles) {
  registry.AddFiles("participation", ParticipationFiles());
  registry.AddMigrations(db::MigrationsFromFiles("participation", ParticipationFiles()));
  ParticipationSettings settings{.base_url = deps.web.options().base_url, .site_name = deps.web.options().site_name};
  auto& commands = registry.Keep(std::make_unique<ProjectCommands>(deps.db, deps.clock, deps.web.catalog(), geography,
                                                                   directory, roles, deps.zone, settings));
  deps.web.AddNav({"/participatie", "participation.nav.calendar", std::nullopt, false});
  deps.web.AddNav({"/beheer/participatie", "participation.nav.official", auth::Role::kAreaLiaison, true});
  registry.AddStat({"wp_participation_projects_current", "Participation projects planned or running",
                    [](db::Connection& c) { return ProjectStore::CountCurrent(c).value_or(0); }});
  registry.AddDemo("participation",
                   [&commands](const web::DemoSeed& seed) { return LoadParticipationDemo(seed, commands); });
  auto& sections = registry.Keep(std::make_unique<Sections>(commands, deps.web.catalog()));
  geography.AddDistrictSection(
      [&sections](std::string_view code, std::string_view locale) { return sections.District(code, locale); });
  directory.AddPageSection([&sections](const platforms::Platform& p, const auth::User*, std::string_view locale) {
    return sections.Platform(p, locale);
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& platform = registry.Keep(std::make_unique<PlatformPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands, open));
  registry.AddRoutes([&web, &open, &platform, &official](http::Router& router) {
    AddParticipationRoutes(router, web, open, platform, official);
  });
  return commands;
}

}  // namespace wp::participation
