// Sequential Phragmen for participatory budgets (Brill, Freeman, Janson,
// Lackner, "Phragmen's voting methods and justified representation", AAAI
// 2017; pabutools sequential_phragmen). Pure: no I/O; safe
// to call from any thread.
//
// Each voter carries a load, initially 0. A project p would raise the load of
// each of its supporters to (their loads + cost(p)) / votes(p); the project
// with the lowest such maximum is funded and its supporters' loads set to it.
// The rule stops (it does not skip) as soon as a project with the lowest value
// no longer fits. Projects costing more than the whole budget are dropped
// first. Ties: the tie-breaking order; when any of the tied projects does not
// fit, counting stops, as in pabutools. Arithmetic as in MES (doubles with an
// exact recount of close calls).
#pragma once

#include "features/budgets/counting/count_result.h"
#include "features/budgets/counting/election.h"
#include "features/budgets/counting/tie_break.h"

namespace wp::budgets::counting {

struct PhragmenOptions {
  TieBreak tie_break = TieBreak::kCostVotesId;
  // 1 keeps unsupported projects out; 0 lets them in at the end when they fit
  // (pabutools: their value is +infinity, chosen only when nothing else is left).
  int64_t min_votes = 1;
  Arithmetic arithmetic = Arithmetic::kAuto;
};

// REQUIRES: election.IsApproval(). Returns winners in selection order
// (pabutools reports them sorted by id).
CountResult CountPhragmen(const Election& election, const PhragmenOptions& options);

}  // namespace wp::budgets::counting
