// Published counts of voting codes for the dashboards feature: how many
// residents could vote in a budget round (codes issued and not revoked).
// Never a code or an address. Thread-safe as the connection is.
#pragma once

#include <cstdint>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::codes {

struct EligibleTally {
  int64_t edition_id = 0;
  int64_t eligible = 0;  // codes issued and not revoked
};
// Every edition with codes, by edition id.
Result<std::vector<EligibleTally>> EligibleTallies(db::Connection& c);

}  // namespace wp::codes
