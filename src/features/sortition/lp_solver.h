// LpSolver / MipSolver: the small interface the selection code uses to solve
// linear and mixed-integer programs. One adapter file per solver library
// (lp_solver_clp.cc for COIN-OR Clp, lp_solver_cbc.cc for COIN-OR Cbc), so the
// algorithms never include a solver header. Adapters are not thread-safe; use
// one instance per thread.
#pragma once

#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace wp::sortition {

inline constexpr double kLpInfinity = std::numeric_limits<double>::infinity();

// One constraint lower <= sum_j value[j] * x[index[j]] <= upper. Use
// -kLpInfinity / kLpInfinity for a missing bound.
struct LpRow {
  double lower = -kLpInfinity;
  double upper = kLpInfinity;
  std::vector<int> index;
  std::vector<double> value;
};

enum class LpSense { kMinimize, kMaximize };

// A linear program over columns 0..objective.size()-1. is_integer is read
// only by MipSolver (empty means all continuous).
struct LpProblem {
  LpSense sense = LpSense::kMinimize;
  std::vector<double> objective;
  std::vector<double> col_lower;
  std::vector<double> col_upper;
  std::vector<bool> is_integer;
  std::vector<LpRow> rows;
  // MipSolver only: stop after this many branch-and-bound nodes (-1: no limit)
  // and return the best solution found with status kStopped. Node limits,
  // unlike time limits, keep results deterministic.
  int max_nodes = -1;

  // Appends a column and returns its index.
  int AddColumn(double cost, double lower, double upper, bool integer = false);
  // Appends a row and returns its index.
  int AddRow(LpRow row);
};

enum class LpStatus { kOptimal, kInfeasible, kUnbounded, kStopped };

std::string LpStatusName(LpStatus status);

struct LpSolution {
  LpStatus status = LpStatus::kStopped;
  double objective = 0;   // in the problem's own sense
  std::vector<double> x;  // one value per column
  // MipSolver only: the best bound branch and bound proved (in the problem's
  // own sense): no solution is better than this. Equals `objective` when the
  // solver proved optimality with no gap.
  double bound = 0;
  // LP only: row_duals[r] is the rate of change of the optimal objective (in
  // the problem's own sense) per unit increase of row r's binding bound
  // (shadow price). E.g. for a maximisation with a row ">= b", the dual is
  // <= 0; for "<= b" it is >= 0.
  std::vector<double> row_duals;
};

// An LP kept loaded in the solver for column generation: columns are added,
// bounds and costs changed, and each Solve starts from the previous basis.
class LpModel {
 public:
  virtual ~LpModel() = default;
  // Appends a column with coefficients value[j] in rows row[j]; returns its index.
  virtual int AddColumn(double cost, double lower, double upper, const std::vector<int>& row,
                        const std::vector<double>& value) = 0;
  virtual void SetColumnBounds(int column, double lower, double upper) = 0;
  virtual void SetCost(int column, double cost) = 0;
  virtual void SetRowBounds(int row, double lower, double upper) = 0;
  // Sets the coefficient of `column` in `row` (0 removes it).
  virtual void SetCoefficient(int row, int column, double value) = 0;
  virtual int columns() const = 0;
  // Solves to optimality from the current basis; x and row_duals as for LpSolver.
  virtual LpSolution Solve() = 0;
};

// Solves a continuous LP to optimality and reports row duals.
class LpSolver {
 public:
  virtual ~LpSolver() = default;
  virtual LpSolution Solve(const LpProblem& problem) = 0;
  // Loads `problem` into a model that can be changed and solved again.
  virtual std::unique_ptr<LpModel> Load(const LpProblem& problem) = 0;
};

// Solves a mixed-integer program to optimality (absolute gap <= 1e-9 for
// objectives of order 1; `bound` tells what was proved). row_duals stays empty.
class MipSolver {
 public:
  virtual ~MipSolver() = default;
  virtual LpSolution Solve(const LpProblem& problem) = 0;
};

// The adapters. Defined in lp_solver_clp.cc and lp_solver_cbc.cc.
std::unique_ptr<LpSolver> NewClpSolver();
std::unique_ptr<MipSolver> NewCbcSolver();

// The pair of solvers an algorithm needs; both references must outlive it.
struct Solvers {
  LpSolver& lp;
  MipSolver& mip;
};

}  // namespace wp::sortition
