// RegisterVoting: Voting in a Wijk aan Zet edition: ballots (secret), paper ballots, results (#6).
#pragma once

#include "core/web/registry.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/codes/four_eyes.h"
#include "features/voting/commands.h"

namespace wp::voting {

struct VotingOptions {
  VotingLimits limits;
};

// `four_eyes` (the codes feature's) keeps paper ballots and the count
// waiting for a second official (issue #11 item 4).
VotingCommands& RegisterVoting(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                               budgets::EditionDirectory& editions, codes::CodeBook& codes, codes::FourEyes& four_eyes,
                               const VotingOptions& options = {});

// The voting migrations for `dialect`: {{without_rowid}} becomes
// "WITHOUT ROWID" on SQLite (no hidden insertion-order rowid) and nothing on
// PostgreSQL.
std::vector<db::Migration> VotingMigrations(db::Dialect dialect);

}  // namespace wp::voting
