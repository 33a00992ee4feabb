#include "features/signals/stats.h"

namespace wp::signals {

Result<std::vector<SignalTally>> ReportedSignalTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<SignalTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT s.neighbourhood_code, COALESCE(p.slug, k.slug), COUNT(*) FROM signals s "
                "JOIN signal_categories k ON k.id = s.category_id "
                "LEFT JOIN signal_categories p ON p.id = k.parent_id "
                "WHERE s.created_at >= ? AND s.created_at < ? AND s.status <> 'merged' "
                "GROUP BY s.neighbourhood_code, COALESCE(p.slug, k.slug) ORDER BY 1, 2",
                {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Text(0), r.Text(1), r.Int(2)});
  }
  return out;
}

Result<std::vector<SignalHandling>> SignalHandlingTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<SignalHandling> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*), COALESCE(SUM(CASE WHEN closed_at <= deadline_at "
                                             "THEN 1 ELSE 0 END), 0) FROM signals "
                                             "WHERE closed_at >= ? AND closed_at < ? AND status <> 'merged'",
                                             {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    out.push_back({i, row.Int(0), row.Int(1)});
  }
  return out;
}

Result<std::vector<SignalTheme>> SignalThemes(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT slug, name, name_en FROM signal_categories "
                                         "WHERE parent_id IS NULL ORDER BY position, id"));
  std::vector<SignalTheme> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

}  // namespace wp::signals
