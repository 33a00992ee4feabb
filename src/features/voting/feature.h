// RegisterVoting: Voting in a Wijk aan Zet edition: ballots (secret), paper ballots, results (#6).
#pragma once

#include "core/web/registry.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/voting/commands.h"

namespace wp::voting {

struct VotingOptions {
  VotingLimits limits;
};

VotingCommands& RegisterVoting(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                               budgets::EditionDirectory& editions, codes::CodeBook& codes,
                               const VotingOptions& options = {});

// The voting migrations for `dialect`: {{without_rowid}} becomes
// "WITHOUT ROWID" on SQLite (no hidden insertion-order rowid) and nothing on
// PostgreSQL.
std::vector<db::Migration> VotingMigrations(db::Dialect dialect);

}  // namespace wp::voting
