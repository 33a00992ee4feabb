#include "features/surveys/stats.h"

namespace wp::surveys {

Result<std::vector<RespondentTally>> RespondentTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<RespondentTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT s.district_code, COUNT(r.id) FROM surveys s "
                                           "JOIN survey_responses r ON r.survey_id = s.id "
                                           "WHERE s.closed_at >= ? AND s.closed_at < ? "
                                           "GROUP BY s.district_code ORDER BY 1",
                                           {db::Int(bounds[i]), db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Text(0), r.Int(1)});
  }
  return out;
}

}  // namespace wp::surveys
