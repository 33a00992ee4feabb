// Replacement of drop-outs, as the Sortition Foundation does it in practice (a
// second selection over the rest of the pool): after a draw, the people
// who stay are kept, and the same algorithm selects as many replacements as
// there are drop-outs from the volunteers not drawn, under the quotas that are
// left (min' = max(0, min - kept), max' = max - kept) and, with the household
// rule, excluding housemates of those kept. The guarantee of fairness holds
// within this second selection, not over the original pool.
#pragma once

#include <vector>

#include "core/result.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

struct ReplacementProblem {
  Instance instance;                // the remaining pool and quotas; panel size = drop-outs
  std::vector<int> original_index;  // agent of `instance` -> agent of the original instance
  std::vector<int> kept;            // original agent indices staying on the panel
};

// REQUIRES: panel and dropouts are agent indices of `original`. Fails with
// kInvalidInput if a drop-out is not on the panel, there are no drop-outs, or
// the kept members already exceed a maximum.
Result<ReplacementProblem> BuildReplacementProblem(const Instance& original, const std::vector<int>& panel,
                                                   const std::vector<int>& dropouts);

}  // namespace wp::sortition
