#include "features/sortition/coin_model.h"

#include <CoinFinite.hpp>

namespace wp::sortition {

double ToCoin(double v) {
  if (v == kLpInfinity) return COIN_DBL_MAX;
  if (v == -kLpInfinity) return -COIN_DBL_MAX;
  return v;
}

CoinModel ToCoinModel(const LpProblem& problem) {
  CoinModel m;
  m.n_cols = static_cast<int>(problem.objective.size());
  m.n_rows = static_cast<int>(problem.rows.size());
  std::vector<int> row_index;
  std::vector<int> col_index;
  std::vector<double> element;
  m.row_lower.resize(m.n_rows);
  m.row_upper.resize(m.n_rows);
  for (int r = 0; r < m.n_rows; ++r) {
    const LpRow& row = problem.rows[r];
    for (size_t j = 0; j < row.index.size(); ++j) {
      row_index.push_back(r);
      col_index.push_back(row.index[j]);
      element.push_back(row.value[j]);
    }
    m.row_lower[r] = ToCoin(row.lower);
    m.row_upper[r] = ToCoin(row.upper);
  }
  m.col_lower.resize(m.n_cols);
  m.col_upper.resize(m.n_cols);
  for (int c = 0; c < m.n_cols; ++c) {
    m.col_lower[c] = ToCoin(problem.col_lower[c]);
    m.col_upper[c] = ToCoin(problem.col_upper[c]);
  }
  m.matrix = CoinPackedMatrix(/*colordered=*/true, row_index.data(), col_index.data(), element.data(),
                              static_cast<CoinBigIndex>(element.size()));
  m.matrix.setDimensions(m.n_rows, m.n_cols);
  return m;
}

}  // namespace wp::sortition
