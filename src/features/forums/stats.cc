#include "features/forums/stats.h"

namespace wp::forums {

Result<std::vector<VolunteerTally>> VolunteerTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<VolunteerTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT f.district_code, COUNT(*) FROM forum_registrations r "
                                           "JOIN forums f ON f.id = r.forum_id "
                                           "WHERE r.created_at >= ? AND r.created_at < ? "
                                           "GROUP BY f.district_code ORDER BY 1",
                                           {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Text(0), r.Int(1)});
  }
  return out;
}

Result<std::vector<HeldTally>> ForumsHeldTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<HeldTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM (SELECT forum_id, MIN(finished_at) AS at "
                                             "FROM forum_draws WHERE kind = 'draw' AND status = 'done' "
                                             "AND finished_at IS NOT NULL GROUP BY forum_id) d "
                                             "WHERE d.at >= ? AND d.at < ?",
                                             {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    out.push_back({i, row.Int(0)});
  }
  return out;
}

}  // namespace wp::forums
