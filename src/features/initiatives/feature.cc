#include "features/initiatives/feature.h"

#include "features/initiatives/demo.h"
#include "features/initiatives/routes.h"
#include "wp_initiatives_files.h"

namespace wp::initiatives {

InitiativeCommands& RegisterInitiatives(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                        const geography::GeographyService& geography,
                                        const platforms::PlatformDirectory& platforms, const accounts::Roles& roles,
                                        const InitiativesOptions& options, const budgets::EditionDirectory* editions) {
  registry.AddFiles("initiatives", InitiativesFiles());
  // Photos and attachments: the larger body limit (max_upload_kib) on these two routes only.
  registry.AddUploadRoute({http::Method::kPost, "/initiatieven/volg/{token}/bestanden", false});
  registry.AddUploadRoute({http::Method::kPost, "/initiatieven/mijn/{id}/bestanden", true});
  registry.AddMigrations(db::MigrationsFromFiles("initiatives", InitiativesFiles()));
  auto& commands = registry.Keep(std::make_unique<InitiativeCommands>(
      deps.db, deps.clock, deps.random, deps.zone, deps.web.catalog(), geography, platforms, roles, options.settings,
      editions));
  deps.web.AddNav({"/initiatieven", "initiatives.nav.initiatives", std::nullopt, false});
  deps.web.AddNav({"/beheer/initiatieven", "initiatives.nav.desk", auth::Role::kInitiativeDesk, true});
  registry.AddStat({"wp_initiatives_total", "Initiatives at the desk",
                    [](db::Connection& c) { return InitiativeStore::CountAll(c).value_or(0); }});
  deps.jobs.AddPeriodic("initiatives.reminders", options.reminder_check_seconds, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.SendReminders());
    return Ok();
  });
  registry.AddDemo("initiatives", [&commands, &db = deps.db, &random = deps.random, &catalog = deps.web.catalog(),
                                   &platforms, &roles](const web::DemoSeed& seed) {
    return LoadInitiativesDemo(seed, commands, db, random, catalog, platforms, roles);
  });
  const web::Web& web = deps.web;
  auto& resident = registry.Keep(std::make_unique<ResidentPages>(web, commands));
  auto& desk = registry.Keep(std::make_unique<DeskPages>(web, commands));
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  registry.AddRoutes([&web, &resident, &desk, &open](http::Router& router) {
    AddInitiativeRoutes(router, web, resident, desk, open);
  });
  return commands;
}

}  // namespace wp::initiatives
