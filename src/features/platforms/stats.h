// Published counts of platform members for the dashboards feature: how many
// members a platform had at the end of each period, never who. Thread-safe as
// the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::platforms {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct MemberTally {
  size_t period = 0;
  int64_t platform_id = 0;
  std::string district_code;  // the wijk of the platform's area (the lowest code when it spans more)
  int64_t members = 0;        // members who joined before the end of the period and are still members
};
Result<std::vector<MemberTally>> MemberTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::platforms
