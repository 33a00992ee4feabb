// RegisterVoting: Voting in a Wijk aan Zet edition: ballots (secret), paper ballots, results (issue 6).
#pragma once

#include "core/web/registry.h"

namespace wp::voting {

void RegisterVoting(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::voting
