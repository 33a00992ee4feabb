#include "features/voting/feature.h"

#include "wp_voting_files.h"

namespace wp::voting {

void RegisterVoting(web::FeatureRegistry& registry, const web::FeatureDeps&) {
  registry.AddFiles("voting", VotingFiles());
  registry.AddMigrations(db::MigrationsFromFiles("voting", VotingFiles()));
}

}  // namespace wp::voting
