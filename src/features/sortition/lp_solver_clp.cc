// LpSolver adapter for COIN-OR Clp (ClpSimplex). The only file that includes
// Clp headers besides lp_solver_cbc.cc.
#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "features/sortition/lp_solver.h"

namespace wp::sortition {
namespace {

double ToCoin(double v) {
  if (v == kLpInfinity) return COIN_DBL_MAX;
  if (v == -kLpInfinity) return -COIN_DBL_MAX;
  return v;
}

class ClpLpSolver final : public LpSolver {
 public:
  LpSolution Solve(const LpProblem& problem) override {
    const int n_cols = static_cast<int>(problem.objective.size());
    const int n_rows = static_cast<int>(problem.rows.size());
    std::vector<int> row_index;
    std::vector<int> col_index;
    std::vector<double> element;
    std::vector<double> row_lower(n_rows);
    std::vector<double> row_upper(n_rows);
    for (int r = 0; r < n_rows; ++r) {
      const LpRow& row = problem.rows[r];
      for (size_t j = 0; j < row.index.size(); ++j) {
        row_index.push_back(r);
        col_index.push_back(row.index[j]);
        element.push_back(row.value[j]);
      }
      row_lower[r] = ToCoin(row.lower);
      row_upper[r] = ToCoin(row.upper);
    }
    std::vector<double> col_lower(n_cols);
    std::vector<double> col_upper(n_cols);
    for (int c = 0; c < n_cols; ++c) {
      col_lower[c] = ToCoin(problem.col_lower[c]);
      col_upper[c] = ToCoin(problem.col_upper[c]);
    }
    CoinPackedMatrix matrix(/*colordered=*/true, row_index.data(), col_index.data(), element.data(),
                            static_cast<CoinBigIndex>(element.size()));
    matrix.setDimensions(n_rows, n_cols);

    ClpSimplex model;
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.loadProblem(matrix, col_lower.data(), col_upper.data(), problem.objective.data(), row_lower.data(),
                      row_upper.data());
    const bool maximize = problem.sense == LpSense::kMaximize;
    model.setOptimizationDirection(maximize ? -1.0 : 1.0);
    model.dual();

    LpSolution out;
    if (model.isProvenOptimal()) {
      out.status = LpStatus::kOptimal;
    } else if (model.isProvenPrimalInfeasible()) {
      out.status = LpStatus::kInfeasible;
    } else if (model.isProvenDualInfeasible()) {
      out.status = LpStatus::kUnbounded;
    } else {
      out.status = LpStatus::kStopped;
    }
    if (out.status != LpStatus::kOptimal) return out;
    const double* x = model.primalColumnSolution();
    out.x.assign(x, x + n_cols);
    out.objective = 0;
    for (int c = 0; c < n_cols; ++c) out.objective += problem.objective[c] * out.x[c];
    // Clp reports duals of the minimisation it solves internally; for a
    // maximisation (direction -1) they come out with the original sign of the
    // objective, i.e. already d(objective)/d(bound). See lp_solver_test.cc.
    const double* duals = model.dualRowSolution();
    out.row_duals.assign(duals, duals + n_rows);
    return out;
  }
};

}  // namespace

std::unique_ptr<LpSolver> NewClpSolver() { return std::make_unique<ClpLpSolver>(); }

}  // namespace wp::sortition
