// Demo content of the opinion map (`serve --demo`): an open conversation in
// the Boerhaavewijk with 300 synthetic participants in three groups
// (map/synthetic_votes.h), two statements awaiting moderation and a rejected
// one, and a closed conversation in the Europawijk. Idempotent.
#pragma once

#include "core/db/database.h"
#include "core/web/registry.h"
#include "features/opinion/commands.h"

namespace wp::opinion {

Result<void> LoadOpinionDemo(const web::DemoSeed& seed, OpinionCommands& commands, db::Database& db);

}  // namespace wp::opinion
