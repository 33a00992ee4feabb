// LEXIMIN through the panel polytope's LP relaxation, the fast path of
// FindFairDistribution.
//
// A distribution over panels gives each type t an expected count c_t, and
// c lies in R = { 0 <= c_t <= |t|, sum c_t = k, quotas, households }: the
// LP relaxation of the panel ILP (PanelProblem). The probabilities that
// distributions can reach, M (c_t / |t| over the convex hull of the integer
// points of R), are a subset of R's. So:
//   1. LEXIMIN over R is a sequence of small LPs over the types (no column
//      generation): maximise the lowest open probability, fix the types with
//      a positive dual, repeat. Each level is an LP optimum over R, so no
//      distribution can do better there (the certificate).
//   2. If that point of R is also in M, it is LEXIMIN-optimal over M (M is
//      inside R) and the distributions that reach it are exactly LEXIMIN's.
//      DecomposeByWalk finds one: a Caratheodory walk that takes an integral
//      vertex v of the smallest face of R holding c (an LP over R with that
//      face's constraints tight, Cbc when the LP's vertex is fractional), moves
//      c away from v to R's boundary (a ratio test), gives v the weight of that
//      step and goes on from the new point, whose face is smaller. At most one
//      step per dimension of R.
// The walk's arithmetic loses precision as the share left to decompose
// shrinks, and a step can leave M where R is not integral; so
// FindFairDistribution gives the walk's panels to a master LP that asks for
// the point itself (with pricing, as column generation does) and takes the
// answer when every type reaches its target. When it cannot, R's point is not
// in M, and FindFairDistribution falls back to column generation (leximin.h).
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"
#include "features/sortition/selection/leximin.h"

namespace wp::sortition {

// The panel ILP over types: integer c_t in [0, |t|] (columns in type order),
// the size row sum c_t = k first, then one row per feature value (its quota),
// then one row per household of two or more (at most 1). Objective empty.
LpProblem PanelProblem(const Instance& instance, const TypeModel& types);

// LEXIMIN over the relaxation R of `panel_problem`.
struct RelaxedLeximin {
  std::vector<double> probability;  // per type: the last level's LP solution, a point of R
  std::vector<double> level;        // per type: the level it was fixed at (probability is at least that)
  std::vector<FixedLevel> levels;   // value == upper_bound: each is an LP optimum over R
  int lp_solves = 0;
};

// Fails with kInvalidInput when R is empty, kInternal when the LP solver fails.
Result<RelaxedLeximin> LeximinOverRelaxation(const LpProblem& panel_problem, const TypeModel& types, LpSolver& lp);

// The walk's panels and their weights (summing to 1 up to rounding).
struct Walk {
  std::vector<Composition> panels;
  std::vector<double> weights;
  int steps = 0;
  int lp_solves = 0;
  int ilp_calls = 0;
  bool complete = false;  // false: a face had no integer point (target not in M, or rounding)
};

// Decomposes `target` (a probability per type, a point of R) into panels.
Walk DecomposeByWalk(const LpProblem& panel_problem, const TypeModel& types, LpSolver& lp, MipSolver& mip,
                     const std::vector<double>& target);

}  // namespace wp::sortition
