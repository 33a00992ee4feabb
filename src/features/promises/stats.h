// Published counts of promises for the dashboards feature: per period how
// many promises the municipality kept on time or late, and how many were
// open past their date at the period's end. Never a promise. Thread-safe as
// the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::promises {

// Periods: n + 1 ascending unix seconds; period i is [bounds[i], bounds[i + 1]).
struct PromiseTally {
  size_t period = 0;
  int64_t kept = 0;          // marked done in the period (and done now)
  int64_t kept_in_time = 0;  // of which by their date
  int64_t overdue = 0;       // at the period's end: made, past their date and not done or dropped
};
Result<std::vector<PromiseTally>> PromiseTallies(db::Connection& c, std::span<const int64_t> bounds);

}  // namespace wp::promises
