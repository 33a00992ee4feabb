#include "features/codes/stats.h"

namespace wp::codes {

Result<std::vector<EligibleTally>> EligibleTallies(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT edition_id, COUNT(*) FROM codes_codes WHERE state <> 'revoked' "
                                         "GROUP BY edition_id ORDER BY edition_id"));
  std::vector<EligibleTally> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1)});
  return out;
}

Result<std::vector<BuurtTurnoutTally>> BuurtTurnoutTallies(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT edition_id, COALESCE(buurt_code, ''), COUNT(*), "
                              "SUM(CASE WHEN state IN ('used_online', 'used_paper') THEN 1 ELSE 0 END) "
                              "FROM codes_codes WHERE state <> 'revoked' "
                              "GROUP BY edition_id, COALESCE(buurt_code, '') ORDER BY edition_id, 2"));
  std::vector<BuurtTurnoutTally> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3)});
  return out;
}

}  // namespace wp::codes
