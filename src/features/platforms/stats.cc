#include "features/platforms/stats.h"

namespace wp::platforms {

Result<std::vector<MemberTally>> MemberTallies(db::Connection& c, std::span<const int64_t> bounds) {
  std::vector<MemberTally> out;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    WP_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT m.platform_id, a.district_code, COUNT(*) FROM platform_members m "
                                "JOIN (SELECT platform_id, MIN(district_code) AS district_code "
                                "FROM platform_neighbourhoods GROUP BY platform_id) a ON a.platform_id = m.platform_id "
                                "WHERE m.joined_at < ? GROUP BY m.platform_id, a.district_code ORDER BY 1",
                                {db::Int(bounds[i + 1])}));
    for (const auto& r : rows) out.push_back({i, r.Int(0), r.Text(1), r.Int(2)});
  }
  return out;
}

}  // namespace wp::platforms
