// Published counts of voting codes for the dashboards feature: how many
// residents could vote in a budget round (codes issued and not revoked).
// Never a code or an address. Thread-safe as the connection is.
#pragma once

#include <cstdint>
#include <string>
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

// Per edition and buurt (the CBS code the address list gave, "" when none):
// codes issued and not revoked, and how many of them were used (online or on
// paper). Counts of the whole group only: never which code or address.
struct BuurtTurnoutTally {
  int64_t edition_id = 0;
  std::string neighbourhood_code;  // "BU03920101", or "" when unknown
  int64_t eligible = 0;
  int64_t voted = 0;
};
Result<std::vector<BuurtTurnoutTally>> BuurtTurnoutTallies(db::Connection& c);

}  // namespace wp::codes
