#include "features/codes/feature.h"

#include <iostream>
#include <stdexcept>

#include "features/codes/code_store.h"
#include "features/codes/demo.h"
#include "features/codes/routes.h"
#include "features/codes/voting_key.h"
#include "wp_codes_files.h"

namespace wp::codes {

CodesFeature RegisterCodes(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                           budgets::EditionDirectory& editions, const CodesOptions& options) {
  registry.AddFiles("codes", CodesFiles());
  registry.AddMigrations(db::MigrationsFromFiles("codes", CodesFiles()));
  std::string key = options.voting_key;
  if (key.empty()) {
    auto loaded = LoadOrCreateVotingKey(options.voting_key_file, deps.random);
    // A start-up error: the server cannot check codes without its key.
    if (!loaded.has_value()) throw std::runtime_error("voting_key_file: " + loaded.error().detail);
    key = *loaded;
  }
  auto& book = registry.Keep(std::make_unique<CodeBook>(key));
  auto& commands = registry.Keep(std::make_unique<CodeCommands>(deps.db, deps.clock, deps.random, book, editions,
                                                                deps.web.catalog(), deps.zone, deps.jobs, options));
  // Print files go once voting opens (issue #11 item 3): checked on every
  // tick of every process, so also right after a start.
  deps.jobs.AddPoller("codes.print_files", [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.SweepPrintFiles());
    return Ok();
  });
  registry.AddStat({"wp_voting_codes_total", "Voting codes issued (all editions, revoked included)",
                    [](db::Connection& c) { return CodeStore::CountAll(c).value_or(0); }});
  const web::Web& web = deps.web;
  auto& overview = registry.Keep(std::make_unique<OverviewPages>(web, commands, deps.zone));
  auto& runs = registry.Keep(std::make_unique<RunPages>(web, commands, deps.zone));
  auto& letters = registry.Keep(std::make_unique<LetterPages>(web, commands));
  registry.AddRoutes([&web, &overview, &runs, &letters](http::Router& router) {
    AddCodeRoutes(router, web, overview, runs, letters);
  });
  registry.AddDemo("codes", [&commands](const web::DemoSeed& seed) -> Result<void> {
    WP_TRY_VOID(LoadCodesDemo(commands, std::cerr));
    return LoadFourEyesDemo(commands, seed);
  });
  return CodesFeature{book, commands};
}

}  // namespace wp::codes
