// MipSolver adapter for COIN-OR Cbc (CbcModel over OsiClpSolverInterface).
// The only file that includes Cbc headers.
#include <CbcModel.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>
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

class CbcMipSolver final : public MipSolver {
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

    OsiClpSolverInterface solver;
    solver.messageHandler()->setLogLevel(0);
    solver.getModelPtr()->setLogLevel(0);
    solver.loadProblem(matrix, col_lower.data(), col_upper.data(), problem.objective.data(), row_lower.data(),
                       row_upper.data());
    solver.setObjSense(problem.sense == LpSense::kMaximize ? -1.0 : 1.0);
    for (int c = 0; c < n_cols && c < static_cast<int>(problem.is_integer.size()); ++c) {
      if (problem.is_integer[c]) solver.setInteger(c);
    }

    CbcModel model(solver);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.setAllowableFractionGap(1e-6);
    model.setAllowableGap(1e-9);
    if (problem.max_nodes >= 0) model.setMaximumNodes(problem.max_nodes);
    model.branchAndBound();

    LpSolution out;
    const double* best = model.bestSolution();
    if (model.isProvenInfeasible() || (best == nullptr && model.isProvenOptimal())) {
      out.status = LpStatus::kInfeasible;
      return out;
    }
    if (model.isContinuousUnbounded()) {
      out.status = LpStatus::kUnbounded;
      return out;
    }
    if (best == nullptr) {
      out.status = LpStatus::kStopped;
      return out;
    }
    out.status = model.isProvenOptimal() ? LpStatus::kOptimal : LpStatus::kStopped;
    out.x.assign(best, best + n_cols);
    out.objective = 0;
    for (int c = 0; c < n_cols; ++c) out.objective += problem.objective[c] * out.x[c];
    return out;
  }
};

}  // namespace

std::unique_ptr<MipSolver> NewCbcSolver() { return std::make_unique<CbcMipSolver>(); }

}  // namespace wp::sortition
