#include "features/budgets/stats.h"

namespace wp::budgets {

Result<std::vector<SubmitterTally>> PlanSubmitterTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<SubmitterTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT neighbourhood_code, COUNT(DISTINCT submitter_id) FROM budget_plans "
                                           "WHERE created_at >= ? AND created_at < ? "
                                           "GROUP BY neighbourhood_code ORDER BY 1",
                                           {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Text(0), r.Int(1)});
  }
  return out;
}

Result<std::vector<RoundTally>> ClosedRoundTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<RoundTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT e.id, e.title, e.borough_slug, e.budget_cents, "
                "COUNT(p.id), COALESCE(SUM(p.cost_cents), 0) FROM budget_editions e "
                "LEFT JOIN budget_plans p ON p.edition_id = e.id AND p.status IN ('selected', 'in_progress', 'done') "
                "WHERE e.published = 1 AND e.voting_close >= ? AND e.voting_close < ? "
                "GROUP BY e.id, e.title, e.borough_slug, e.budget_cents, e.voting_close ORDER BY e.voting_close, e.id",
                {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5)});
  }
  return out;
}

}  // namespace wp::budgets
