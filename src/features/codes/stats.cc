#include "features/codes/stats.h"

namespace wp::codes {

Result<std::vector<EligibleTally>> EligibleTallies(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT edition_id, COUNT(*) FROM codes_codes WHERE state <> 'revoked' "
                                         "GROUP BY edition_id ORDER BY edition_id"));
  std::vector<EligibleTally> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1)});
  return out;
}

}  // namespace wp::codes
