// Outcome tables of the dashboards (advice answered in time, signals handled
// in time, initiative checks within six weeks): per quarter, how many were
// done in time and how many late, protected with suppression.h. Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "features/dashboards/suppression.h"

namespace wp::dashboards {

struct QuarterOutcome {
  int64_t in_time = 0;
  int64_t late = 0;
};

// The table rows = ended quarters, columns = in time, late; row totals are
// the quarters' totals. The year's column totals and grand total only when
// `year_ended`; then the quarters keep exactly the decisions they had while
// the year ran (so comparing the two publications gives nothing away).
ProtectedTable ProtectQuarters(const std::vector<QuarterOutcome>& quarters, bool year_ended);

}  // namespace wp::dashboards
