#include "features/promises/stats.h"

namespace wp::promises {

Result<std::vector<PromiseTally>> PromiseTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<PromiseTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(
        auto kept,
        c.QueryOne("SELECT COUNT(*), COALESCE(SUM(CASE WHEN d.at <= p.due_at THEN 1 ELSE 0 END), 0) FROM promises p "
                   "JOIN (SELECT promise_id, MAX(at) AS at FROM promise_history WHERE kind = 'status' "
                   "AND to_value = 'done' GROUP BY promise_id) d ON d.promise_id = p.id "
                   "WHERE p.status = 'done' AND d.at >= ? AND d.at < ?",
                   {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    // Open at the end: not closed, or closed (its last status change) only after the end.
    WP_ASSIGN_OR_RETURN(auto overdue,
                        c.QueryOne("SELECT COUNT(*) FROM promises p WHERE p.created_at < ? AND p.due_at < ? "
                                   "AND (p.status = 'open' OR COALESCE((SELECT MAX(h.at) FROM promise_history h "
                                   "WHERE h.promise_id = p.id AND h.kind = 'status'), 0) >= ?)",
                                   {db::Int(bounds[i + 1]), db::Int(bounds[i + 1]), db::Int(bounds[i + 1])}));
    out.push_back({i, kept.Int(0), kept.Int(1), overdue.Int(0)});
  }
  return out;
}

}  // namespace wp::promises
