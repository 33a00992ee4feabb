// Published counts of signals for the dashboards feature: numbers per buurt,
// main category and period, never a signal or a reporter. Each function reads
// in the connection's transaction; thread-safe as the connection is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::signals {

// Periods are given as n + 1 ascending unix seconds: period i is
// [bounds[i], bounds[i + 1]).
struct SignalTally {
  size_t period = 0;
  std::string neighbourhood_code;  // "BU03920101"
  std::string theme;               // slug of the main category
  int64_t reported = 0;            // signals reported in the period (merged duplicates left out)
};
Result<std::vector<SignalTally>> ReportedSignalTallies(db::Connection& c, std::span<const int64_t> bounds);

// Signals closed in the period, and of those closed by their deadline.
struct SignalHandling {
  size_t period = 0;
  int64_t closed = 0;
  int64_t closed_in_time = 0;
};
Result<std::vector<SignalHandling>> SignalHandlingTallies(db::Connection& c, std::span<const int64_t> bounds);

// The main categories (themes) with their names, in their order.
struct SignalTheme {
  std::string slug, name, name_en;
};
Result<std::vector<SignalTheme>> SignalThemes(db::Connection& c);

}  // namespace wp::signals
