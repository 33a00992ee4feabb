#include "features/promises/feature.h"

#include "features/promises/demo.h"
#include "features/promises/platform_section.h"
#include "features/promises/promise_store.h"
#include "features/promises/routes.h"
#include "wp_promises_files.h"

namespace wp::promises {

PromiseCommands& RegisterPromises(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                  const advice::AdviceCommands* advice, const contracts::ContractCommands* contracts) {
  registry.AddFiles("promises", PromisesFiles());
  registry.AddMigrations(db::MigrationsFromFiles("promises", PromisesFiles()));
  auto& commands = registry.Keep(
      std::make_unique<PromiseCommands>(deps.db, deps.clock, directory, roles, deps.zone, advice, contracts));
  deps.web.AddNav({"/beheer/toezeggingen", "promises.nav.official", auth::Role::kAreaLiaison, true});
  registry.AddStat({"wp_promises_open", "Open promises of the municipality",
                    [](db::Connection& c) { return PromiseStore::CountOpen(c).value_or(0); }});
  registry.AddDemo("promises", [&commands, &db = deps.db, advice](const web::DemoSeed& seed) {
    return LoadPromisesDemo(seed, commands, db, advice);
  });
  auto& section = registry.Keep(std::make_unique<PlatformSection>(commands, deps.web.catalog()));
  directory.AddPageSection([&section](const platforms::Platform& p, const auth::User*, std::string_view locale) {
    return section.Render(p, locale);
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands, open));
  registry.AddRoutes([&web, &open, &official](http::Router& router) { AddPromiseRoutes(router, web, open, official); });
  return commands;
}

}  // namespace wp::promises
