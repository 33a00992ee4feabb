#include "features/events/stats.h"

namespace wp::events {

Result<std::vector<ParticipationTally>> ParticipationTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<ParticipationTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT e.platform_id, COUNT(DISTINCT e.id), COUNT(r.id) FROM events e "
                                "LEFT JOIN event_registrations r ON r.event_id = e.id AND r.state = 'confirmed' "
                                "WHERE e.starts_at >= ? AND e.starts_at < ? AND e.status <> 'cancelled' "
                                "GROUP BY e.platform_id ORDER BY 1",
                                {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Int(0), r.Int(1), r.Int(2)});
  }
  return out;
}

}  // namespace wp::events
