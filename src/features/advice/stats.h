// Published counts of advice for the dashboards feature: requests asked and
// the municipality's answers given in time, per period. Thread-safe as the
// connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::advice {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct AdviceTally {
  size_t period = 0;
  int64_t asked = 0;             // requests sent to platforms (drafts and withdrawn ones left out)
  int64_t answered = 0;          // advices the municipality answered in the period
  int64_t answered_in_time = 0;  // of which by their due date
};
Result<std::vector<AdviceTally>> AdviceTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::advice
