#include "features/sortition/selection/leximin.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/random.h"
#include "features/sortition/selection/instance_testing.h"
#include "features/sortition/selection/lottery.h"
#include "features/sortition/selection/synthetic_pool.h"
#include "testing/temp_dir.h"

namespace wp::sortition {
namespace {

std::string ReadFileOrFail(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Checks the invariants every distribution must have.
void ExpectValidDistribution(const Instance& inst, const TypeModel& types, const Distribution& d) {
  double total_weight = std::accumulate(d.weights.begin(), d.weights.end(), 0.0);
  EXPECT_NEAR(total_weight, 1.0, 1e-9);
  for (const Composition& panel : d.panels) {
    std::vector<int> members;
    for (size_t t = 0; t < panel.size(); ++t) {
      ASSERT_LE(panel[t], static_cast<int>(types.types[t].members.size()));
      for (int j = 0; j < panel[t]; ++j) members.push_back(types.types[t].members[j]);
    }
    EXPECT_TRUE(CheckPanel(inst, members).empty()) << CheckPanel(inst, members)[0];
  }
  double sum = std::accumulate(d.agent_probability.begin(), d.agent_probability.end(), 0.0);
  EXPECT_NEAR(sum, inst.panel_size, 1e-6);
}

struct SharedCase {
  std::string folder;
  int k;
};

class SharedPoolTest : public ::testing::TestWithParam<SharedCase> {};

TEST_P(SharedPoolTest, LeximinMinimumMatchesExpected) {
  const SharedCase& c = GetParam();
  std::filesystem::path dir = testing::TestDataDir("sortition/selection");
  ASSERT_TRUE(std::filesystem::exists(dir / c.folder / "categories.csv"))
      << "test data missing: " << (dir / c.folder)
      << "; run through ctest (it sets WP_SOURCE_DIR) or from the source folder";
  std::string expected = ReadFileOrFail(dir / "expected.json");
  // expected.json: "<folder>": { ... "leximin_min_probability": <x>, ...}
  size_t at = expected.find("\"" + c.folder + "\"");
  ASSERT_NE(at, std::string::npos) << "expected.json has no entry for " << c.folder;
  size_t key = expected.find("\"leximin_min_probability\":", at);
  ASSERT_NE(key, std::string::npos);
  double want = std::stod(expected.substr(key + 26));

  Instance inst = MakeInstance(ReadFileOrFail(dir / c.folder / "categories.csv"),
                               ReadFileOrFail(dir / c.folder / "respondents.csv"), c.k);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  FairnessStats stats;
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{}, &stats);
  ASSERT_TRUE(d.has_value()) << d.error().detail;
  EXPECT_NEAR(d->min_probability, want, 1e-4);
  ExpectValidDistribution(inst, types, *d);
  EXPECT_LT(stats.decomposition_error, 1e-6);

  // The published lottery: m tickets, floor/ceil of m*x_P each, and nobody's
  // chance moves by more than 1%.
  Lottery lottery = RoundToLottery(*d, types, 1000);
  EXPECT_EQ(std::accumulate(lottery.ticket_count.begin(), lottery.ticket_count.end(), 0), 1000);
  EXPECT_LT(lottery.max_deviation, 0.01);
  for (size_t p = 0; p < lottery.panels.size(); ++p) {
    auto it = std::find(d->panels.begin(), d->panels.end(), lottery.panels[p]);
    ASSERT_NE(it, d->panels.end());
    double want = 1000 * d->weights[it - d->panels.begin()];
    EXPECT_LE(std::abs(lottery.ticket_count[p] - want), 1.0 + 1e-9);
  }
}

INSTANTIATE_TEST_SUITE_P(Shared, SharedPoolTest,
                         ::testing::Values(SharedCase{"example_small_20", 20}, SharedCase{"sf_fixture_150_22", 22}),
                         [](const auto& info) { return info.param.folder; });

TEST(LeximinTest, ExampleSmallGivesEveryoneOneTenth) {
  std::filesystem::path dir = testing::TestDataDir("sortition/selection") / "example_small_20";
  ASSERT_TRUE(std::filesystem::exists(dir / "respondents.csv")) << "test data missing: " << dir;
  Instance inst = MakeInstance(ReadFileOrFail(dir / "categories.csv"), ReadFileOrFail(dir / "respondents.csv"), 20);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{});
  ASSERT_TRUE(d.has_value());
  for (double p : d->agent_probability) EXPECT_NEAR(p, 0.1, 1e-6);
}

// --- Brute force: all feasible panels, textbook leximin without duals. ---

std::vector<std::vector<int>> AllFeasiblePanels(const Instance& inst) {
  std::vector<std::vector<int>> out;
  const int n = static_cast<int>(inst.agents.size());
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    if (std::popcount(mask) != inst.panel_size) continue;
    std::vector<int> members;
    for (int i = 0; i < n; ++i) {
      if (mask & (1u << i)) members.push_back(i);
    }
    if (CheckPanel(inst, members).empty()) out.push_back(members);
  }
  return out;
}

// Leximin over an explicit panel list: maximise z, then fix every agent whose
// own maximum (with the others at >= z) is z.
std::vector<double> BruteForceLeximin(const Instance& inst, LpSolver& solver) {
  const int n = static_cast<int>(inst.agents.size());
  std::vector<std::vector<int>> panels = AllFeasiblePanels(inst);
  std::vector<bool> fixed(n, false);
  std::vector<double> q(n, 0);
  for (int i = 0; i < n; ++i) {
    bool in_any = false;
    for (const auto& p : panels) in_any = in_any || std::count(p.begin(), p.end(), i) > 0;
    fixed[i] = !in_any;
  }
  auto build = [&](int objective_agent, double z_floor) {
    LpProblem lp;
    lp.sense = LpSense::kMaximize;
    for (size_t p = 0; p < panels.size(); ++p) lp.AddColumn(0, 0, 1);
    int z = lp.AddColumn(objective_agent < 0 ? 1 : 0, -1, 2);
    for (int i = 0; i < n; ++i) {
      LpRow row;
      for (size_t p = 0; p < panels.size(); ++p) {
        if (std::count(panels[p].begin(), panels[p].end(), i)) {
          row.index.push_back(static_cast<int>(p));
          row.value.push_back(1);
          if (i == objective_agent) lp.objective[p] = 1;
        }
      }
      if (fixed[i]) {
        row.lower = q[i] - 1e-9;
      } else if (objective_agent < 0) {
        row.index.push_back(z);
        row.value.push_back(-1);
        row.lower = 0;
      } else {
        row.lower = z_floor - 1e-9;
      }
      lp.AddRow(row);
    }
    LpRow one{1, 1, {}, {}};
    for (size_t p = 0; p < panels.size(); ++p) {
      one.index.push_back(static_cast<int>(p));
      one.value.push_back(1);
    }
    lp.AddRow(one);
    return lp;
  };
  while (std::count(fixed.begin(), fixed.end(), false) > 0) {
    LpSolution s = solver.Solve(build(-1, 0));
    EXPECT_EQ(s.status, LpStatus::kOptimal);
    double z = s.objective;
    std::vector<int> to_fix;
    for (int i = 0; i < n; ++i) {
      if (fixed[i]) continue;
      LpSolution own = solver.Solve(build(i, z));
      if (own.objective <= z + 1e-7) to_fix.push_back(i);
    }
    EXPECT_FALSE(to_fix.empty());
    if (to_fix.empty()) break;
    for (int i : to_fix) {
      fixed[i] = true;
      q[i] = z;
    }
  }
  return q;
}

struct TinyCase {
  std::string name;
  std::string categories;
  std::string respondents;
  int k;
  std::vector<std::string> address;
};

void PrintTo(const TinyCase& c, std::ostream* os) { *os << c.name; }

class BruteForceTest : public ::testing::TestWithParam<TinyCase> {};

TEST_P(BruteForceTest, LeximinEqualsBruteForce) {
  const TinyCase& c = GetParam();
  Instance inst = MakeInstance(c.categories, c.respondents, c.k, c.address);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  TypeModel types = GroupAgentsByType(inst);
  // Both ways: the relaxation path first (the default) and column generation only.
  for (bool relaxation_first : {true, false}) {
    SCOPED_TRACE(relaxation_first ? "relaxation first" : "column generation only");
    FairnessOptions options;
    options.relaxation_first = relaxation_first;
    auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, options);
    if (AllFeasiblePanels(inst).empty()) {
      ASSERT_FALSE(d.has_value());
      EXPECT_EQ(d.error().code, ErrorCode::kInvalidInput);
      continue;
    }
    std::vector<double> want = BruteForceLeximin(inst, *lp);
    ASSERT_TRUE(d.has_value()) << d.error().detail;
    ExpectValidDistribution(inst, types, *d);
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_NEAR(d->agent_probability[i], want[i], 1e-4) << "agent " << inst.agents[i].id;
    }
  }
}

// Random small pools (fixed seeds) with two categories and loose quotas.
std::vector<TinyCase> TinyCases() {
  std::vector<TinyCase> cases = {
      {"OneWomanThreeMen", "feature,value,min,max\ng,f,1,1\ng,m,1,1\n", "id,g\na,f\nb,m\nc,m\nd,m\n", 2, {}},
      {"Household",
       "feature,value,min,max\ng,f,1,2\ng,m,1,2\n",
       "id,g,addr\na,f,x\nb,m,x\nc,m,y\nd,f,z\ne,m,\n",
       2,
       {"addr"}},
  };
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    SeededRandom rng(seed);
    const int n = 8 + static_cast<int>(rng.Uniform(4));
    const int k = 3 + static_cast<int>(rng.Uniform(2));
    std::string respondents = seed % 2 ? "id,a,b,addr\n" : "id,a,b\n";
    for (int i = 0; i < n; ++i) {
      respondents +=
          "p" + std::to_string(i) + ",a" + std::to_string(rng.Uniform(2)) + ",b" + std::to_string(rng.Uniform(3));
      if (seed % 2) respondents += ",h" + std::to_string(rng.Uniform(n - 2));
      respondents += "\n";
    }
    std::string categories = "feature,value,min,max\na,a0,1," + std::to_string(k) + "\na,a1,1," +
                             std::to_string(k - 1) + "\nb,b0,0,2\nb,b1,1,2\nb,b2,0," + std::to_string(k) + "\n";
    std::vector<std::string> address;
    if (seed % 2) address.push_back("addr");
    cases.push_back({"Random" + std::to_string(seed), categories, respondents, k, address});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Tiny, BruteForceTest, ::testing::ValuesIn(TinyCases()),
                         [](const auto& info) { return info.param.name; });

TEST(LeximinTest, OneWomanThreeMenKnownAnswer) {
  Instance inst = MakeInstance("feature,value,min,max\ng,f,1,1\ng,m,1,1\n", "id,g\na,f\nb,m\nc,m\nd,m\n", 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{});
  ASSERT_TRUE(d.has_value());
  EXPECT_NEAR(d->agent_probability[0], 1.0, 1e-9);
  for (int i = 1; i < 4; ++i) EXPECT_NEAR(d->agent_probability[i], 1.0 / 3, 1e-9);
  EXPECT_NEAR(d->min_probability, 1.0 / 3, 1e-9);
}

TEST(LeximinTest, InfeasibleQuotasAreAnError) {
  Instance inst = MakeInstance("feature,value,min,max\ng,f,2,2\ng,m,0,2\n", "id,g\na,f\nb,m\nc,m\n", 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{});
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::kInvalidInput);
}

TEST(LeximinTest, AgentInNoFeasiblePanelGetsZero) {
  // Nobody with g=x may be chosen (max 0).
  Instance inst = MakeInstance("feature,value,min,max\ng,f,1,1\ng,m,1,1\ng,x,0,0\n", "id,g\na,f\nb,m\nc,x\n", 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{});
  ASSERT_TRUE(d.has_value());
  EXPECT_NEAR(d->agent_probability[2], 0.0, 1e-12);
  ASSERT_EQ(d->unreachable_agents.size(), 1u);
  EXPECT_EQ(d->unreachable_agents[0], 2);
}

// LEXIMIN on a skewed city pool (see synthetic_pool.h) is exact: its
// minimum equals MAXIMIN's, every level is certified by the LP dual to the
// pricing tolerance, levels never go down, and every type is fixed once.
void ExpectExactAtEveryLevel(const SyntheticPoolSpec& spec) {
  Instance inst = SyntheticCityPool(spec);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  FairnessStats leximin_stats;
  auto leximin = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{}, &leximin_stats);
  ASSERT_TRUE(leximin.has_value()) << leximin.error().detail;
  FairnessOptions maximin_options;
  maximin_options.objective = Fairness::kMaximin;
  FairnessStats maximin_stats;
  auto maximin = FindFairDistribution(inst, types, Solvers{*lp, *mip}, maximin_options, &maximin_stats);
  ASSERT_TRUE(maximin.has_value()) << maximin.error().detail;

  EXPECT_NEAR(leximin->min_probability, maximin->min_probability, 1e-6);
  ASSERT_EQ(maximin_stats.levels.size(), 1u);
  EXPECT_LE(maximin_stats.levels[0].upper_bound - maximin_stats.levels[0].value, kPricingTolerance);
  ASSERT_GT(leximin_stats.levels.size(), 1u);
  double previous = 0;
  int fixed = 0;
  for (const FixedLevel& level : leximin_stats.levels) {
    EXPECT_LE(level.upper_bound - level.value, kPricingTolerance) << "level " << level.value;
    EXPECT_GE(level.value, previous - 1e-7);  // Clp's primal tolerance
    previous = level.value;
    fixed += level.types_fixed;
  }
  EXPECT_EQ(fixed, leximin_stats.types);
  EXPECT_NEAR(leximin_stats.levels[0].value, maximin_stats.levels[0].value, 1e-7);
  EXPECT_LT(leximin_stats.decomposition_error, 1e-6);
  ExpectValidDistribution(inst, types, *leximin);
  // Every type ends at the level it was fixed at or above it.
  for (size_t t = 0; t < types.types.size(); ++t) {
    EXPECT_GE(leximin->type_probability[t], leximin_stats.levels[0].value - 1e-6);
  }
  // The relaxation path answered, and column generation alone (certified by
  // pricing at every level) finds the same chance for every type: LEXIMIN's
  // chances are unique.
  EXPECT_TRUE(leximin_stats.by_relaxation);
  FairnessOptions column_generation;
  column_generation.relaxation_first = false;
  FairnessStats column_stats;
  auto reference = FindFairDistribution(inst, types, Solvers{*lp, *mip}, column_generation, &column_stats);
  ASSERT_TRUE(reference.has_value()) << reference.error().detail;
  EXPECT_FALSE(column_stats.by_relaxation);
  for (size_t t = 0; t < types.types.size(); ++t) {
    EXPECT_NEAR(leximin->type_probability[t], reference->type_probability[t], 1e-6) << "type " << t;
  }
}

// A small skewed city pool on which main's engine (pricing tolerance 5e-4,
// and a guard that lowered every fixed level by 1e-4 whenever the rebuilt
// master LP came back infeasible) gave a LEXIMIN minimum of 0.0799 against a
// MAXIMIN of 0.08.
TEST(LeximinTest, SkewedCityPoolIsExactAtEveryLevel) {
  SyntheticPoolSpec spec;
  spec.volunteers = 150;
  spec.panel_size = 20;
  spec.features = 5;
  spec.seed = "city";
  ExpectExactAtEveryLevel(spec);
}

// Six features and more types: many levels, each started from the last
// level's basis (fixed types leave the z column) and with several columns
// added per master solve (#16).
TEST(LeximinTest, SixFeatureCityPoolIsExactAtEveryLevel) {
  SyntheticPoolSpec spec;
  spec.volunteers = 240;
  spec.panel_size = 30;
  spec.features = 6;
  spec.seed = "city-six";
  ExpectExactAtEveryLevel(spec);
}

// Both women are on every panel (the quota asks for two); their types reach
// probability 1 at the same level and are fixed there together.
TEST(LeximinTest, TypesOnEveryPanelAreFixedAtOneTogether) {
  Instance inst = MakeInstance("feature,value,min,max\ng,f,2,2\ng,m,1,1\na,y,0,3\na,o,0,3\n",
                               "id,g,a\nw1,f,y\nw2,f,o\nm1,m,y\nm2,m,o\nm3,m,y\n", 3);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  FairnessStats stats;
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{}, &stats);
  ASSERT_TRUE(d.has_value()) << d.error().detail;
  EXPECT_NEAR(d->agent_probability[0], 1, 1e-9);
  EXPECT_NEAR(d->agent_probability[1], 1, 1e-9);
  for (int i = 2; i < 5; ++i) EXPECT_NEAR(d->agent_probability[i], 1.0 / 3, 1e-9);
  ASSERT_EQ(stats.levels.size(), 2u);
  EXPECT_NEAR(stats.levels[1].value, 1, 1e-9);
  EXPECT_EQ(stats.levels[1].types_fixed, 2);
}

TEST(MaximinTest, SharesTheLeximinMinimum) {
  Instance inst = MakeInstance("feature,value,min,max\ng,f,1,1\ng,m,1,1\n", "id,g\na,f\nb,m\nc,m\nd,m\n", 2);
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  FairnessOptions options;
  options.objective = Fairness::kMaximin;
  auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, options);
  ASSERT_TRUE(d.has_value());
  EXPECT_NEAR(d->min_probability, 1.0 / 3, 1e-9);
}

}  // namespace
}  // namespace wp::sortition
