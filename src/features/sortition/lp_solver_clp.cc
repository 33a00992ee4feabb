// LpSolver adapter for COIN-OR Clp (ClpSimplex). The only file that includes
// Clp headers besides lp_solver_cbc.cc.
#include <ClpSimplex.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "features/sortition/coin_model.h"
#include "features/sortition/lp_solver.h"

namespace wp::sortition {
namespace {

class ClpLpSolver final : public LpSolver {
 public:
  LpSolution Solve(const LpProblem& problem) override {
    CoinModel m = ToCoinModel(problem);
    const int n_cols = m.n_cols;
    const int n_rows = m.n_rows;

    ClpSimplex model;
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.loadProblem(m.matrix, m.col_lower.data(), m.col_upper.data(), problem.objective.data(), m.row_lower.data(),
                      m.row_upper.data());
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
