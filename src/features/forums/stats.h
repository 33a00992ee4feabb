// Published counts of forums for the dashboards feature: per period how many
// forums and panels were drawn, and how many residents volunteered (registered
// after their invitation) per wijk. Never a registration. Thread-safe as the
// connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::forums {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct VolunteerTally {
  size_t period = 0;
  std::string district_code;  // the forum's wijk
  int64_t volunteers = 0;     // registrations made in the period
};
Result<std::vector<VolunteerTally>> VolunteerTallies(db::Connection& c, std::span<const int64_t> bounds);

// Forums and panels whose first draw finished in the period.
struct HeldTally {
  size_t period = 0;
  int64_t held = 0;
};
Result<std::vector<HeldTally>> ForumsHeldTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::forums
