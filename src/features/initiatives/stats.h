// Published counts of initiatives for the dashboards feature: submitted per
// buurt and period, and the six-week checks answered in time; never an
// initiative or an initiator. Thread-safe as the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::initiatives {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct InitiativeTally {
  size_t period = 0;
  std::string neighbourhood_code;  // "" when the initiator named no buurt
  int64_t submitted = 0;
};
Result<std::vector<InitiativeTally>> SubmittedInitiativeTallies(db::Connection& c, std::span<const int64_t> bounds);

// Checks answered in the period, and of those by their due date (six weeks).
struct CheckTally {
  size_t period = 0;
  int64_t answered = 0;
  int64_t answered_in_time = 0;
};
Result<std::vector<CheckTally>> CheckTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::initiatives
