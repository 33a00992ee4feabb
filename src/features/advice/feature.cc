#include "features/advice/feature.h"

#include "features/advice/demo.h"
#include "features/advice/routes.h"
#include "wp_advice_files.h"

namespace wp::advice {

AdviceCommands& RegisterAdvice(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                               platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                               const AdviceOptions& options) {
  registry.AddFiles("advice", AdviceFiles());
  registry.AddMigrations(db::MigrationsFromFiles("advice", AdviceFiles()));
  auto& commands = registry.Keep(std::make_unique<AdviceCommands>(deps.db, deps.clock, deps.web.catalog(), directory,
                                                                  roles, deps.zone, options.settings));
  deps.web.AddNav({"/advies", "advice.nav.advice", std::nullopt, false});
  registry.AddStat({"wp_advice_submitted", "Advice submitted by platforms",
                    [](db::Connection& c) { return AdviceStore::CountAdvices(c).value_or(0); }});
  registry.AddDemo("advice", [&commands](const web::DemoSeed& seed) { return LoadAdviceDemo(seed, commands); });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& kernteam = registry.Keep(std::make_unique<KernteamPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands, open));
  registry.AddRoutes([&web, &open, &kernteam, &official](http::Router& router) {
    AddAdviceRoutes(router, web, open, kernteam, official);
  });
  return commands;
}

}  // namespace wp::advice
