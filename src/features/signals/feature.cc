#include "features/signals/feature.h"

#include "features/signals/area_signals.h"
#include "features/signals/demo.h"
#include "features/signals/permissions.h"
#include "features/signals/routes.h"
#include "wp_signals_files.h"

namespace wp::signals {

SignalCommands& RegisterSignals(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                geography::GeographyService& geography, platforms::PlatformDirectory& directory,
                                const accounts::Roles& roles, const SignalsOptions& options) {
  registry.AddFiles("signals", SignalsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("signals", SignalsFiles()));
  auto& commands = registry.Keep(std::make_unique<SignalCommands>(deps.db, deps.clock, deps.random, deps.zone,
                                                                  deps.web.catalog(), geography, options.settings));
  commands.UseRoles(&roles);
  deps.web.AddNav({"/meldingen", "signals.nav.signals", std::nullopt, false});
  deps.web.AddNav({"/beheer/meldingen", "signals.nav.queue", auth::Role::kMunicipalStaff, true});
  deps.web.AddNav({"/beheer/meldingen/onderwerpen", "signals.nav.categories", auth::Role::kAdministrator, true});
  registry.AddStat({"wp_signals_total", "Signals reported",
                    [](db::Connection& c) { return SignalStore::CountSignals(c).value_or(0); }});
  deps.jobs.AddPeriodic("signals.updates", options.update_check_seconds, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.SendDueUpdates());
    return Ok();
  });
  deps.jobs.AddPeriodic("signals.purge_intake", 3600, [&commands] { return commands.PurgeIntakeLog(); });
  registry.AddDemo("signals", [&commands, &db = deps.db, &random = deps.random, &catalog = deps.web.catalog(),
                               &directory](const web::DemoSeed& seed) {
    return LoadSignalsDemo(seed, commands, db, random, catalog, &directory);
  });
  // The wijk page and a platform's page show the signals of their area.
  auto& area = registry.Keep(std::make_unique<AreaSignals>(commands));
  geography.AddDistrictSection([&area](std::string_view district_code, std::string_view locale) {
    return area.DistrictSection(district_code, locale);
  });
  directory.AddPageSection([&area](const platforms::Platform& p, const auth::User* viewer, std::string_view locale) {
    bool trends = viewer && CanViewTrends(*viewer, std::to_string(p.id), p.borough_slug);
    return area.AreaSection(p.area, locale, trends ? TrendsPath(p.slug) : "");
  });
  const web::Web& web = deps.web;
  auto& resident = registry.Keep(std::make_unique<ResidentPages>(web, commands, directory));
  auto& staff = registry.Keep(std::make_unique<StaffPages>(web, commands, directory));
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands, directory));
  auto& admin = registry.Keep(std::make_unique<AdminPages>(web, commands));
  std::string_view openapi;
  for (const auto& f : SignalsFiles()) {
    if (f.path == "api/openapi.json") openapi = f.data;
  }
  auto& api = registry.Keep(std::make_unique<Open311Api>(web, commands, openapi));
  auto& trends = registry.Keep(std::make_unique<TrendsPages>(web, commands, directory));
  // A report may carry photos and needs no account (the e-mail address is
  // confirmed by a link instead).
  registry.AddUploadRoute({http::Method::kPost, "/meldingen/nieuw", false});
  registry.AddRoutes([&web, &resident, &staff, &open, &admin, &api, &trends](http::Router& router) {
    AddSignalRoutes(router, web, {resident, staff, open, admin, api, trends});
  });
  return commands;
}

}  // namespace wp::signals
