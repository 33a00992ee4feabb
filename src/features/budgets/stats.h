// Published counts of participatory budgets for the dashboards feature: how
// many people submitted plans per buurt and period, and per budget round whose
// voting closed in a period its budget and the money given to the chosen
// plans. Never a plan's submitter. Thread-safe as the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::budgets {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct SubmitterTally {
  size_t period = 0;
  std::string neighbourhood_code;  // the plan's buurt
  int64_t submitters = 0;          // different people who submitted a plan there in the period
};
Result<std::vector<SubmitterTally>> PlanSubmitterTallies(db::Connection& c, std::span<const int64_t> bounds);

// A published round whose voting closed in the period.
struct RoundTally {
  size_t period = 0;
  int64_t edition_id = 0;
  std::string title;         // "Schalkwijk aan Zet 2025"
  std::string borough_slug;  // the stadsdeel of the round ("" for the whole city)
  int64_t budget_cents = 0;
  int64_t funded_plans = 0;  // plans chosen (selected, in progress or done)
  int64_t funded_cents = 0;  // their costs together
};
Result<std::vector<RoundTally>> ClosedRoundTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::budgets
