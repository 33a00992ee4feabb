// Published counts of surveys for the dashboards feature: how many residents
// answered, per wijk and period. Answers carry no time (on purpose), so a
// survey's respondents count in the period in which it closed. Never an
// answer. Thread-safe as the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::surveys {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct RespondentTally {
  size_t period = 0;
  std::string district_code;  // the survey's wijk ("" for a survey of the whole city)
  int64_t respondents = 0;    // responses (online and on paper) to surveys that closed in the period
};
Result<std::vector<RespondentTally>> RespondentTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::surveys
