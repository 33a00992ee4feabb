#include "features/voting/stats.h"

namespace wp::voting {

Result<std::vector<BallotTally>> CountedBallotTallies(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT edition_id, ballots FROM voting_results ORDER BY edition_id"));
  std::vector<BallotTally> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1)});
  return out;
}

}  // namespace wp::voting
