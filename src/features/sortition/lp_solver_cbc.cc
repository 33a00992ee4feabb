// MipSolver adapter for COIN-OR Cbc (CbcModel over OsiClpSolverInterface).
// The only file that includes Cbc headers.
#include <CbcModel.hpp>
#include <OsiClpSolverInterface.hpp>
#include <algorithm>
#include <memory>
#include <vector>

#include "features/sortition/coin_model.h"
#include "features/sortition/lp_solver.h"

namespace wp::sortition {
namespace {

constexpr double kGap = 1e-10;

class CbcMipSolver final : public MipSolver {
 public:
  LpSolution Solve(const LpProblem& problem) override {
    CoinModel m = ToCoinModel(problem);
    const int n_cols = m.n_cols;

    OsiClpSolverInterface solver;
    solver.messageHandler()->setLogLevel(0);
    solver.getModelPtr()->setLogLevel(0);
    solver.loadProblem(m.matrix, m.col_lower.data(), m.col_upper.data(), problem.objective.data(), m.row_lower.data(),
                       m.row_upper.data());
    solver.setObjSense(problem.sense == LpSense::kMaximize ? -1.0 : 1.0);
    for (int c = 0; c < n_cols && c < static_cast<int>(problem.is_integer.size()); ++c) {
      if (problem.is_integer[c]) solver.setInteger(c);
    }

    CbcModel model(solver);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    // Exact: the pricing test of column generation compares the optimum with
    // a threshold to 1e-7, so no gap or cutoff increment may hide more than
    // kGap (Cbc's default cutoff increment alone is 1e-5).
    model.setAllowableFractionGap(0);
    model.setAllowableGap(kGap);
    model.setDblParam(CbcModel::CbcCutoffIncrement, kGap);
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
    // What was proved: the best bound, and at optimality the objective plus
    // the gap the search was allowed to leave.
    const bool maximize = problem.sense == LpSense::kMaximize;
    const double proved = model.getBestPossibleObjValue();
    if (out.status == LpStatus::kOptimal) {
      out.bound = maximize ? std::max(proved, out.objective + 2 * kGap) : std::min(proved, out.objective - 2 * kGap);
    } else {
      out.bound = proved;
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<MipSolver> NewCbcSolver() { return std::make_unique<CbcMipSolver>(); }

}  // namespace wp::sortition
