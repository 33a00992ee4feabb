// Published counts of event participants for the dashboards feature: per
// platform and period, never who. Thread-safe as the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::events {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct ParticipationTally {
  size_t period = 0;
  int64_t platform_id = 0;
  int64_t events = 0;        // activities that started in the period (cancelled ones left out)
  int64_t participants = 0;  // confirmed registrations for them (members and one-off participants)
};
Result<std::vector<ParticipationTally>> ParticipationTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::events
