// Published counts of voting for the dashboards feature: how many ballots a
// counted budget round had. Never a ballot. Thread-safe as the connection is.
#pragma once

#include <cstdint>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::voting {

struct BallotTally {
  int64_t edition_id = 0;
  int64_t ballots = 0;  // ballots counted (online and on paper)
};
// Every counted round, by edition id.
Result<std::vector<BallotTally>> CountedBallotTallies(db::Connection& c);

}  // namespace wp::voting
