// CoinModel: an LpProblem in the arrays COIN-OR's loadProblem takes. Shared
// by the Clp and Cbc adapters; the only other file with COIN-OR types.
#pragma once

#include <CoinPackedMatrix.hpp>
#include <vector>

#include "features/sortition/lp_solver.h"

namespace wp::sortition {

struct CoinModel {
  CoinPackedMatrix matrix;  // column-ordered, n_rows x n_cols
  std::vector<double> col_lower, col_upper, row_lower, row_upper;
  int n_rows = 0;
  int n_cols = 0;
};

// An infinite bound as COIN_DBL_MAX (with its sign); other values unchanged.
double ToCoin(double v);

// Converts `problem` (infinite bounds become COIN_DBL_MAX).
CoinModel ToCoinModel(const LpProblem& problem);

}  // namespace wp::sortition
