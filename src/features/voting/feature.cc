#include "features/voting/feature.h"

#include <iostream>

#include "features/voting/routes.h"
#include "wp_voting_files.h"

namespace wp::voting {

std::vector<db::Migration> VotingMigrations(db::Dialect dialect) {
  auto migrations = db::MigrationsFromFiles("voting", VotingFiles());
  const std::string_view token = "{{without_rowid}}";
  const std::string_view to = dialect == db::Dialect::kSqlite ? " WITHOUT ROWID" : "";
  for (auto& m : migrations) {
    size_t pos = 0;
    while ((pos = m.sql.find(token, pos)) != std::string::npos) {
      m.sql.replace(pos, token.size(), to);
      pos += to.size();
    }
  }
  return migrations;
}

VotingCommands& RegisterVoting(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                               budgets::EditionDirectory& editions, codes::CodeBook& codes, codes::FourEyes& four_eyes,
                               const VotingOptions& options) {
  registry.AddFiles("voting", VotingFiles());
  registry.AddMigrations(VotingMigrations(deps.db.dialect()));
  auto& commands =
      registry.Keep(std::make_unique<VotingCommands>(deps.db, deps.clock, editions, codes, options.limits, std::cerr));
  deps.jobs.AddPeriodic("voting.purge_attempts", 3600, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.PurgeAttempts());
    return Ok();
  });
  const web::Web& web = deps.web;
  auto& ballots = registry.Keep(std::make_unique<BallotPages>(web, commands, deps.zone));
  RegisterRiskyActs(four_eyes, commands);
  auto& officials = registry.Keep(std::make_unique<OfficialPages>(web, commands, four_eyes, deps.zone));
  auto& results = registry.Keep(std::make_unique<ResultPages>(web, commands, deps.zone));
  registry.AddRoutes([&web, &ballots, &officials, &results](http::Router& router) {
    AddVotingRoutes(router, web, ballots, officials, results);
  });
  return commands;
}

}  // namespace wp::voting
