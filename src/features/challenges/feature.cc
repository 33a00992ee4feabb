#include "features/challenges/feature.h"

#include "features/challenges/demo.h"
#include "features/challenges/routes.h"
#include "wp_challenges_files.h"

namespace wp::challenges {

ChallengeCommands& RegisterChallenges(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                      const geography::GeographyService& geography, const accounts::Roles& roles,
                                      const ChallengesOptions& options) {
  registry.AddFiles("challenges", ChallengesFiles());
  registry.AddMigrations(db::MigrationsFromFiles("challenges", ChallengesFiles()));
  auto& commands = registry.Keep(std::make_unique<ChallengeCommands>(deps.db, deps.clock, deps.web.catalog(), roles,
                                                                     geography, deps.zone, options.settings));
  deps.web.AddNav({"/uitdaagrecht", "challenges.nav.challenges", std::nullopt, false});
  deps.jobs.AddPeriodic("challenges.report_mails", options.report_check_seconds, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.SendReportMails());
    return Ok();
  });
  registry.AddDemo("challenges", [&commands](const web::DemoSeed& seed) { return LoadChallengesDemo(seed, commands); });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& group = registry.Keep(std::make_unique<GroupPages>(web, commands, open));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands, open));
  auto& overview = registry.Keep(std::make_unique<OverviewPage>(web, commands));
  registry.AddRoutes([&web, &open, &group, &official, &overview](http::Router& router) {
    AddChallengeRoutes(router, web, open, group, official, overview);
  });
  return commands;
}

}  // namespace wp::challenges
