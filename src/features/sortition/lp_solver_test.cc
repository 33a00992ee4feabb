#include "features/sortition/lp_solver.h"

#include <gtest/gtest.h>

#include <memory>

namespace wp::sortition {
namespace {

// max 3a + 2b  s.t. a + b <= 4 (dual 2: raising it by 1 adds 2),
//                   a <= 3 as a row (dual 1), a,b >= 0. Optimum a=3, b=1, 11.
LpProblem SmallMax() {
  LpProblem p;
  p.sense = LpSense::kMaximize;
  p.AddColumn(3, 0, kLpInfinity);
  p.AddColumn(2, 0, kLpInfinity);
  p.AddRow({-kLpInfinity, 4, {0, 1}, {1, 1}});
  p.AddRow({-kLpInfinity, 3, {0}, {1}});
  return p;
}

TEST(ClpSolverTest, SolvesMaximisationAndReportsShadowPrices) {
  auto lp = NewClpSolver();
  LpSolution s = lp->Solve(SmallMax());
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 11, 1e-9);
  EXPECT_NEAR(s.x[0], 3, 1e-9);
  EXPECT_NEAR(s.x[1], 1, 1e-9);
  EXPECT_NEAR(s.row_duals[0], 2, 1e-9);
  EXPECT_NEAR(s.row_duals[1], 1, 1e-9);
}

// max z s.t. x - z >= 0 ... a >= row in a maximisation has a dual <= 0.
TEST(ClpSolverTest, GreaterEqualRowInMaximisationHasNonPositiveDual) {
  LpProblem p;
  p.sense = LpSense::kMaximize;
  p.AddColumn(1, 0, 10);                 // x
  p.AddColumn(-1, 0, kLpInfinity);       // y, costly
  p.AddRow({2, kLpInfinity, {1}, {1}});  // y >= 2: raising to 3 costs 1
  LpSolution s = NewClpSolver()->Solve(p);
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 8, 1e-9);
  EXPECT_NEAR(s.row_duals[0], -1, 1e-9);
}

TEST(ClpSolverTest, MinimisationDuals) {
  LpProblem p;  // min 2a + b s.t. a + b >= 3, a >= 1 -> a=1, b=2, 4
  p.AddColumn(2, 0, kLpInfinity);
  p.AddColumn(1, 0, kLpInfinity);
  p.AddRow({3, kLpInfinity, {0, 1}, {1, 1}});
  p.AddRow({1, kLpInfinity, {0}, {1}});
  LpSolution s = NewClpSolver()->Solve(p);
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 4, 1e-9);
  EXPECT_NEAR(s.row_duals[0], 1, 1e-9);
  EXPECT_NEAR(s.row_duals[1], 1, 1e-9);
}

TEST(ClpSolverTest, ReportsInfeasible) {
  LpProblem p;
  p.AddColumn(1, 0, 1);
  p.AddRow({2, kLpInfinity, {0}, {1}});
  EXPECT_EQ(NewClpSolver()->Solve(p).status, LpStatus::kInfeasible);
}

// The LEXIMIN master's move to a new level: max z over pi_a, pi_b, pi_c >= z
// with a + b + c <= 1 gives 1/3; then a's row leaves z (a coefficient
// removed from a column with columns after it) and becomes a >= 0.2, so b and
// c share the rest: z = 0.4. A removed coefficient Clp's matrix is not told of
// would leave the old element in the column and give z = 1/3 again.
TEST(ClpModelTest, RemovedCoefficientAndNewRowBoundGiveTheNewOptimum) {
  LpProblem p;
  p.sense = LpSense::kMaximize;
  p.AddColumn(1, -kLpInfinity, kLpInfinity);  // z
  for (int r = 0; r < 3; ++r) p.AddRow({0, kLpInfinity, {0}, {-1}});
  p.AddRow({-kLpInfinity, 1, {}, {}});
  std::unique_ptr<LpModel> model = NewClpSolver()->Load(p);
  for (int r = 0; r < 3; ++r) model->AddColumn(0, 0, kLpInfinity, {r, 3}, {1, 1});
  LpSolution first = model->Solve();
  ASSERT_EQ(first.status, LpStatus::kOptimal);
  EXPECT_NEAR(first.x[0], 1.0 / 3, 1e-9);

  model->SetCoefficient(0, 0, 0);
  model->SetRowBounds(0, 0.2, kLpInfinity);
  LpSolution second = model->Solve();
  ASSERT_EQ(second.status, LpStatus::kOptimal);
  EXPECT_NEAR(second.x[0], 0.4, 1e-9);
  EXPECT_NEAR(second.x[1], 0.2, 1e-9);
  EXPECT_NEAR(second.row_duals[1], -0.5, 1e-9);
  EXPECT_NEAR(second.row_duals[2], -0.5, 1e-9);

  // A column added after the change still meets the right rows: d covers b
  // and c at once, so both reach 0.8.
  model->AddColumn(0, 0, kLpInfinity, {1, 2, 3}, {1, 1, 1});
  LpSolution third = model->Solve();
  ASSERT_EQ(third.status, LpStatus::kOptimal);
  EXPECT_NEAR(third.x[0], 0.8, 1e-9);
}

TEST(CbcSolverTest, SolvesSmallKnapsack) {
  // max 5a + 4b + 3c s.t. 2a + 3b + c <= 5 (binary) -> a, c: 8? a+b=5 -> 9.
  LpProblem p;
  p.sense = LpSense::kMaximize;
  p.AddColumn(5, 0, 1, true);
  p.AddColumn(4, 0, 1, true);
  p.AddColumn(3, 0, 1, true);
  p.AddRow({-kLpInfinity, 5, {0, 1, 2}, {2, 3, 1}});
  LpSolution s = NewCbcSolver()->Solve(p);
  ASSERT_EQ(s.status, LpStatus::kOptimal);
  EXPECT_NEAR(s.objective, 9, 1e-9);
}

TEST(CbcSolverTest, ReportsInfeasibleIntegerProgram) {
  LpProblem p;  // 2a = 1 with a integer
  p.AddColumn(0, 0, 5, true);
  p.AddRow({1, 1, {0}, {2}});
  EXPECT_EQ(NewCbcSolver()->Solve(p).status, LpStatus::kInfeasible);
}

}  // namespace
}  // namespace wp::sortition
