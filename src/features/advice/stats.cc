#include "features/advice/stats.h"

namespace wp::advice {

Result<std::vector<AdviceTally>> AdviceTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<AdviceTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    db::Params period{db::Int(bounds[i]), db::Int(bounds[i + 1])};
    WP_ASSIGN_OR_RETURN(auto asked, c.QueryOne("SELECT COUNT(*) FROM advice_requests WHERE created_at >= ? "
                                               "AND created_at < ? AND status NOT IN ('draft', 'withdrawn')",
                                               period));
    WP_ASSIGN_OR_RETURN(auto answered,
                        c.QueryOne("SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered_at <= answer_due_at "
                                   "THEN 1 ELSE 0 END), 0) FROM advices WHERE answered_at >= ? AND answered_at < ?",
                                   period));
    out.push_back({i, asked.Int(0), answered.Int(0), answered.Int(1)});
  }
  return out;
}

}  // namespace wp::advice
