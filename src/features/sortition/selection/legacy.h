// The legacy greedy stratified draw the Sortition Foundation used before
// LEXIMIN (Flanigan et al., Nature 2021): repeatedly pick the feature whose minimum is
// furthest from being met relative to the volunteers left, select a random
// volunteer with it, and drop everyone whose feature hit its maximum. Kept for
// comparison only: it gives no fairness guarantee.
#pragma once

#include <vector>

#include "core/random.h"
#include "core/result.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

// Draws one panel (agent indices, ascending). Restarts on a dead end; fails
// with kInvalidInput after `max_attempts` failed attempts.
Result<std::vector<int>> DrawLegacy(const Instance& instance, Random& random, int max_attempts = 1000);

// Estimates each agent's selection probability from `runs` draws with
// SeedStream(seed, "legacy-estimate-<i>").
Result<std::vector<double>> EstimateLegacyProbabilities(const Instance& instance, int runs, std::string_view seed);

}  // namespace wp::sortition
