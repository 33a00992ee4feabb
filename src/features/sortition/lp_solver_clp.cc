// LpSolver adapter for COIN-OR Clp (ClpSimplex). The only file that includes
// Clp headers besides lp_solver_cbc.cc.
#include <ClpPackedMatrix.hpp>
#include <ClpSimplex.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "features/sortition/coin_model.h"
#include "features/sortition/lp_solver.h"

namespace wp::sortition {
namespace {

LpStatus StatusOf(const ClpSimplex& model) {
  if (model.isProvenOptimal()) return LpStatus::kOptimal;
  if (model.isProvenPrimalInfeasible()) return LpStatus::kInfeasible;
  if (model.isProvenDualInfeasible()) return LpStatus::kUnbounded;
  return LpStatus::kStopped;
}

// The solution of `model` in the problem's own sense.
LpSolution Extract(ClpSimplex& model) {
  LpSolution out;
  out.status = StatusOf(model);
  if (out.status != LpStatus::kOptimal) return out;
  const int n_cols = model.numberColumns();
  const double* x = model.primalColumnSolution();
  out.x.assign(x, x + n_cols);
  const double* cost = model.objective();
  out.objective = 0;
  for (int c = 0; c < n_cols; ++c) out.objective += cost[c] * out.x[c];
  // Clp reports duals of the minimisation it solves internally; for a
  // maximisation (direction -1) they come out with the original sign of the
  // objective, i.e. already d(objective)/d(bound). See lp_solver_test.cc.
  const double* duals = model.dualRowSolution();
  out.row_duals.assign(duals, duals + model.numberRows());
  return out;
}

void LoadInto(ClpSimplex& model, const LpProblem& problem) {
  CoinModel m = ToCoinModel(problem);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  model.loadProblem(m.matrix, m.col_lower.data(), m.col_upper.data(), problem.objective.data(), m.row_lower.data(),
                    m.row_upper.data());
  model.setOptimizationDirection(problem.sense == LpSense::kMaximize ? -1.0 : 1.0);
}

// A loaded ClpSimplex: primal simplex from the last basis after columns were
// added, dual simplex from it after bounds or coefficients changed; a cold
// dual solve if either stalls.
class ClpLpModel final : public LpModel {
 public:
  // Tolerances far below Clp's defaults (1e-7): column generation fixes
  // probabilities at what the solution achieves, level after level, so a
  // tolerated violation would add up.
  explicit ClpLpModel(const LpProblem& problem) {
    LoadInto(model_, problem);
    model_.setPrimalTolerance(1e-9);
    model_.setDualTolerance(1e-9);
  }

  int AddColumn(double cost, double lower, double upper, const std::vector<int>& row,
                const std::vector<double>& value) override {
    model_.addColumn(static_cast<int>(row.size()), row.data(), value.data(), ToCoin(lower), ToCoin(upper), cost);
    return model_.numberColumns() - 1;
  }
  void SetColumnBounds(int column, double lower, double upper) override {
    model_.setColumnBounds(column, ToCoin(lower), ToCoin(upper));
    bounds_changed_ = true;
  }
  void SetCost(int column, double cost) override { model_.setObjectiveCoefficient(column, cost); }
  void SetRowBounds(int row, double lower, double upper) override {
    model_.setRowBounds(row, ToCoin(lower), ToCoin(upper));
    bounds_changed_ = true;
  }
  // Removing an element leaves a gap in the column; Clp's matrix must be
  // told, or its products read past the column's end.
  void SetCoefficient(int row, int column, double value) override {
    model_.modifyCoefficient(row, column, value);
    if (auto* packed = dynamic_cast<ClpPackedMatrix*>(model_.clpMatrix())) packed->checkGaps();
    bounds_changed_ = true;
  }
  int columns() const override { return model_.numberColumns(); }

  // After bounds or coefficients changed (in column generation: a new
  // LEXIMIN level, whose fixed types leave the objective's column), the dual
  // simplex from the last basis: on the 2,000-volunteer city pool it needs a
  // third fewer processor seconds than the primal simplex from the last
  // solution, which stays feasible there but is far from the new optimum.
  // After columns were added, the primal simplex goes on from the last basis.
  LpSolution Solve() override {
    if (bounds_changed_) {
      model_.dual();
    } else {
      model_.primal(0);
    }
    bounds_changed_ = false;
    if (!model_.isProvenOptimal()) {
      model_.allSlackBasis(true);
      model_.dual();
    }
    return Extract(model_);
  }

 private:
  ClpSimplex model_;
  bool bounds_changed_ = false;
};

class ClpLpSolver final : public LpSolver {
 public:
  LpSolution Solve(const LpProblem& problem) override {
    ClpSimplex model;
    LoadInto(model, problem);
    model.dual();
    return Extract(model);
  }
  std::unique_ptr<LpModel> Load(const LpProblem& problem) override { return std::make_unique<ClpLpModel>(problem); }
};

}  // namespace

std::unique_ptr<LpSolver> NewClpSolver() { return std::make_unique<ClpLpSolver>(); }

}  // namespace wp::sortition
