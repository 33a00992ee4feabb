#include "features/sortition/selection/relaxation.h"

#include <gtest/gtest.h>

#include <numeric>

#include "features/sortition/selection/instance_testing.h"
#include "features/sortition/selection/synthetic_pool.h"

namespace wp::sortition {
namespace {

// A skewed city pool (synthetic_pool.h).
Instance CityPool(int volunteers, int seats, int features, const std::string& seed) {
  SyntheticPoolSpec spec;
  spec.volunteers = volunteers;
  spec.panel_size = seats;
  spec.features = features;
  spec.seed = seed;
  return SyntheticCityPool(spec);
}

// Three volunteers x, y, z of whom any two share a feature value allowed
// once, and w, who shares none: every panel of two is w and one other, so
// LEXIMIN gives w 1 and the others 1/3. The relaxation lets x, y and z have
// 1/2 each (pairwise sums of 1, w at 1/2): a point no distribution reaches.
const char kOddCycleCategories[] = "feature,value,min,max\na,1,0,1\na,0,0,2\nb,1,0,1\nb,0,0,2\nc,1,0,1\nc,0,0,2\n";
const char kOddCycleRespondents[] = "id,a,b,c\nx,1,0,1\ny,1,1,0\nz,0,1,1\nw,0,0,0\n";

TEST(PanelProblemTest, OneColumnPerTypeThenSizeQuotaAndHouseholdRows) {
  Instance inst = MakeInstance("feature,value,min,max\ng,f,1,2\ng,m,0,2\n", "id,g,addr\na,f,h\nb,m,h\nc,m,\n", 2);
  inst.agents[0].household = inst.agents[1].household = "h";
  inst.household_rule = true;
  TypeModel types = GroupAgentsByType(inst);
  LpProblem p = PanelProblem(inst, types);
  ASSERT_EQ(p.col_upper.size(), types.types.size());
  ASSERT_EQ(p.rows.size(), 1u + 2u + types.households.size());
  EXPECT_EQ(p.rows[0].lower, 2);
  EXPECT_EQ(p.rows[0].upper, 2);
  EXPECT_EQ(p.rows[1].lower, 1);  // g=f
  EXPECT_EQ(p.rows[1].upper, 2);
  EXPECT_EQ(p.rows.back().upper, 1);  // the household
  for (size_t t = 0; t < types.types.size(); ++t) EXPECT_EQ(p.col_upper[t], types.types[t].members.size());
}

TEST(RelaxedLeximinTest, LevelsAreLpOptimaThatNeverGoDown) {
  Instance inst = CityPool(240, 30, 6, "city-six");
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto relaxed = LeximinOverRelaxation(PanelProblem(inst, types), types, *lp);
  ASSERT_TRUE(relaxed.has_value()) << relaxed.error().detail;
  ASSERT_GT(relaxed->levels.size(), 1u);
  int fixed = 0;
  double previous = 0;
  for (const FixedLevel& level : relaxed->levels) {
    EXPECT_GE(level.value, previous - 1e-7);
    previous = level.value;
    fixed += level.types_fixed;
  }
  EXPECT_EQ(fixed, static_cast<int>(types.types.size()));
  // The point is in R: its expected counts add up to the panel size.
  double seats = 0;
  for (size_t t = 0; t < types.types.size(); ++t) {
    EXPECT_GE(relaxed->probability[t], relaxed->level[t] - 1e-7);
    seats += relaxed->probability[t] * types.types[t].members.size();
  }
  EXPECT_NEAR(seats, 30, 1e-6);
}

TEST(RelaxedLeximinTest, EmptyRelaxationIsInvalidInput) {
  Instance inst = MakeInstance("feature,value,min,max\ng,f,2,2\ng,m,0,2\n", "id,g\na,f\nb,m\nc,m\n", 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto relaxed = LeximinOverRelaxation(PanelProblem(inst, types), types, *lp);
  ASSERT_FALSE(relaxed.has_value());
  EXPECT_EQ(relaxed.error().code, ErrorCode::kInvalidInput);
}

TEST(WalkTest, DecomposesTheRelaxedLeximinOfACityPoolIntoFeasiblePanels) {
  Instance inst = CityPool(300, 40, 5, "walk");
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  LpProblem problem = PanelProblem(inst, types);
  auto relaxed = LeximinOverRelaxation(problem, types, *lp);
  ASSERT_TRUE(relaxed.has_value()) << relaxed.error().detail;
  Walk walk = DecomposeByWalk(problem, types, *lp, *mip, relaxed->probability);
  ASSERT_TRUE(walk.complete);
  EXPECT_LE(walk.steps, static_cast<int>(types.types.size() + problem.rows.size()) + 1);
  EXPECT_NEAR(std::accumulate(walk.weights.begin(), walk.weights.end(), 0.0), 1.0, 1e-12);
  for (const Composition& panel : walk.panels) {
    std::vector<int> members;
    for (size_t t = 0; t < panel.size(); ++t) {
      for (int j = 0; j < panel[t]; ++j) members.push_back(types.types[t].members[j]);
    }
    EXPECT_TRUE(CheckPanel(inst, members).empty()) << CheckPanel(inst, members)[0];
  }
  std::vector<double> pi = TypeProbabilities(types, walk.panels, walk.weights);
  for (size_t t = 0; t < pi.size(); ++t) EXPECT_NEAR(pi[t], relaxed->probability[t], 1e-9) << "type " << t;
}

// Long runs report progress (the draw page and `draw` on stderr): the
// relaxation path reports its levels, then the walk's panels.
TEST(WalkTest, TheRelaxationPathReportsProgress) {
  Instance inst = CityPool(300, 40, 5, "walk");
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  std::vector<FairnessProgress> seen;
  FairnessOptions options;
  options.progress = [&](const FairnessProgress& p) { seen.push_back(p); };
  FairnessStats stats;
  ASSERT_TRUE(FindFairDistribution(inst, types, Solvers{*lp, *mip}, options, &stats).has_value());
  ASSERT_TRUE(stats.by_relaxation);
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.front().levels_fixed, static_cast<int>(stats.levels.size()));
  EXPECT_EQ(seen.front().types_fixed, static_cast<int>(types.types.size()));
  EXPECT_EQ(seen.front().columns, 0);
  EXPECT_GT(seen[1].columns, 0) << "the walk's panels";
}

// Pools of many shapes (20 to 700 volunteers, 1 to 6 features, tight to
// loose quotas): both ways give every type the same chance. A run of 200 such
// pools (docs/performance.md) found a largest difference of 4e-7.
TEST(WalkTest, BothWaysAgreeOnPoolsOfManyShapes) {
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  int by_relaxation = 0, feasible = 0;
  for (int i = 0; i < 12; ++i) {
    SyntheticPoolSpec spec = PoolOfManyShapes(i, 300, "shapes-");
    SCOPED_TRACE(spec.seed);
    Instance inst = SyntheticCityPool(spec);
    TypeModel types = GroupAgentsByType(inst);
    FairnessStats stats;
    auto fast = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{}, &stats);
    FairnessOptions column_generation;
    column_generation.relaxation_first = false;
    auto reference = FindFairDistribution(inst, types, Solvers{*lp, *mip}, column_generation);
    ASSERT_EQ(fast.has_value(), reference.has_value());
    if (!fast.has_value()) continue;
    ++feasible;
    by_relaxation += stats.by_relaxation;
    EXPECT_NEAR(fast->min_probability, reference->min_probability, 1e-7);
    for (size_t t = 0; t < types.types.size(); ++t) {
      EXPECT_NEAR(fast->type_probability[t], reference->type_probability[t], 1e-5) << "type " << t;
    }
  }
  EXPECT_GE(feasible, 10);
  EXPECT_GE(by_relaxation, feasible - 1);
}

TEST(WalkTest, StopsWhereTheRelaxationHasNoPanel) {
  Instance inst = MakeInstance(kOddCycleCategories, kOddCycleRespondents, 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  LpProblem problem = PanelProblem(inst, types);
  auto relaxed = LeximinOverRelaxation(problem, types, *lp);
  ASSERT_TRUE(relaxed.has_value());
  for (double p : relaxed->probability) EXPECT_NEAR(p, 0.5, 1e-9);  // an upper bound, not reachable
  EXPECT_FALSE(DecomposeByWalk(problem, types, *lp, *mip, relaxed->probability).complete);
}

// Where the relaxation's point cannot be reached, FindFairDistribution falls
// back to column generation and still finds LEXIMIN.
TEST(WalkTest, FindFairDistributionFallsBackToColumnGeneration) {
  Instance inst = MakeInstance(kOddCycleCategories, kOddCycleRespondents, 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  FairnessStats stats;
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{}, &stats);
  ASSERT_TRUE(d.has_value()) << d.error().detail;
  EXPECT_FALSE(stats.by_relaxation);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(d->agent_probability[i], 1.0 / 3, 1e-9);
  EXPECT_NEAR(d->agent_probability[3], 1.0, 1e-9);
}

}  // namespace
}  // namespace wp::sortition
