#include "features/initiatives/stats.h"

namespace wp::initiatives {

Result<std::vector<InitiativeTally>> SubmittedInitiativeTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<InitiativeTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT neighbourhood_code, COUNT(*) FROM initiatives "
                                           "WHERE submitted_at >= ? AND submitted_at < ? "
                                           "GROUP BY neighbourhood_code ORDER BY 1",
                                           {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Text(0), r.Int(1)});
  }
  return out;
}

Result<std::vector<CheckTally>> CheckTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<CheckTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered_at <= answer_due_at "
                                             "THEN 1 ELSE 0 END), 0) FROM initiatives "
                                             "WHERE answered_at >= ? AND answered_at < ?",
                                             {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    out.push_back({i, row.Int(0), row.Int(1)});
  }
  return out;
}

}  // namespace wp::initiatives
