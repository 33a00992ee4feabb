// Times the sortition engine per instance: LEXIMIN (with its lottery
// rounding), MAXIMIN as the in-run baseline, and 1000 legacy draws.
// Usage: wp_bench_sortition [pool-dir]   (default: the test pools in
// src/features/sortition/selection/testdata), then synthetic and skewed city
// pools (synthetic_pool.h); or wp_bench_sortition city N K F for one city
// pool; or wp_bench_sortition shapes N for N pools of many shapes, both ways
// (see BenchShapes). WP_BENCH_LEVELS=1 prints LEXIMIN's progress and fixed levels on stderr.
// LEXIMIN runs as the engine runs it (the relaxation path first, `path`
// relax; cg when it fell back to column generation) and, as the baseline in
// the same run, by column generation alone (`cg_cpu`, `cg/lex` the ratio of
// processor seconds, `cg_diff` the largest difference of a type's chance
// between the two; LEXIMIN's chances are unique). WP_BENCH_NO_CG=1 skips
// that baseline (it takes ~100 s on city 2000 200 6).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/agent_types.h"
#include "features/sortition/selection/instance.h"
#include "features/sortition/selection/legacy.h"
#include "features/sortition/selection/leximin.h"
#include "features/sortition/selection/lottery.h"
#include "features/sortition/selection/seed_stream.h"
#include "features/sortition/selection/synthetic_pool.h"

namespace {

using wp::sortition::Instance;

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double Seconds(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Wall-clock seconds of `f`; its processor seconds in `cpu` (on a shared
// machine the fairer figure).
double Seconds(const std::function<void()>& f, double& cpu) {
  std::clock_t start = std::clock();
  double wall = Seconds(f);
  cpu = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  return wall;
}

// A synthetic pool: 4 categories with skewed shares (2, 5, 4, 8 values),
// quotas at +-25% of the proportional share; optionally households of two.
Instance Synthetic(int n, int k, bool households) {
  wp::sortition::SeedStream rng("bench", "pool-" + std::to_string(n));
  const int values[4] = {2, 5, 4, 8};
  std::string categories = "feature,value,min,max\n";
  std::string respondents = "id,c0,c1,c2,c3,address\n";
  std::vector<std::vector<int>> count(4);
  for (int c = 0; c < 4; ++c) count[c].assign(values[c], 0);
  for (int i = 0; i < n; ++i) {
    respondents += "p" + std::to_string(i);
    for (int c = 0; c < 4; ++c) {
      // Skew: value v with weight v+1.
      int total = values[c] * (values[c] + 1) / 2;
      int r = static_cast<int>(rng.Uniform(total));
      int v = 0;
      while (r >= v + 1) r -= ++v;
      ++count[c][v];
      respondents += ",v" + std::to_string(v);
    }
    respondents += households && i % 3 != 2 ? ",addr" + std::to_string(i / 3) : ",";
    respondents += "\n";
  }
  for (int c = 0; c < 4; ++c) {
    for (int v = 0; v < values[c]; ++v) {
      double share = static_cast<double>(count[c][v]) * k / n;
      int lo = static_cast<int>(share * 0.75);
      int hi = static_cast<int>(share * 1.25 + 1);
      categories += "c" + std::to_string(c) + ",v" + std::to_string(v) + "," + std::to_string(lo) + "," +
                    std::to_string(hi) + "\n";
    }
  }
  Instance inst;
  inst.quotas = *wp::sortition::ParseCategoriesCsv(categories);
  std::vector<std::string> address;
  if (households) address.push_back("address");
  inst.agents = *wp::sortition::ParseRespondentsCsv(respondents, inst.quotas, address);
  inst.panel_size = k;
  inst.household_rule = households;
  return inst;
}

void Bench(const std::string& name, const Instance& inst) {
  using namespace wp::sortition;
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  TypeModel types = GroupAgentsByType(inst);
  FairnessStats leximin_stats, maximin_stats;
  double leximin_min = 0, maximin_min = 0, max_change = 0;
  std::optional<Distribution> distribution;
  FairnessOptions leximin_options;
  if (std::getenv("WP_BENCH_LEVELS")) {
    leximin_options.progress = [](const FairnessProgress& p) {
      std::fprintf(stderr, "progress: %d levels, %d/%d types fixed, %d panels, %.1f s\n", p.levels_fixed, p.types_fixed,
                   p.types, p.columns, p.elapsed_seconds);
    };
  }
  double cpu_leximin = 0, cpu_maximin = 0;
  double t_leximin = Seconds(
      [&] {
        auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, leximin_options, &leximin_stats);
        if (!d.has_value()) {
          std::fprintf(stderr, "%s: %s\n", name.c_str(), d.error().detail.c_str());
          return;
        }
        leximin_min = d->min_probability;
        distribution = std::move(*d);
      },
      cpu_leximin);
  if (!distribution) return;
  if (std::getenv("WP_BENCH_LEVELS")) {
    for (const auto& l : leximin_stats.levels) {
      std::fprintf(stderr, "level %.9f upper %.9f fixed %d columns %d\n", l.value, l.upper_bound, l.types_fixed,
                   l.columns);
    }
    std::fprintf(stderr, "lp %d relax %d ilp %d columns %d walk %d decomp_err %g\n", leximin_stats.lp_solves,
                 leximin_stats.lp_relaxations, leximin_stats.ilp_calls, leximin_stats.columns, leximin_stats.walk_steps,
                 leximin_stats.decomposition_error);
    std::fprintf(stderr, "seconds: master %.2f relax %.2f ilp %.2f\n", leximin_stats.master_seconds,
                 leximin_stats.relaxation_seconds, leximin_stats.ilp_seconds);
  }
  double cpu_cg = 0, cg_diff = -1;
  if (!std::getenv("WP_BENCH_NO_CG")) {
    FairnessOptions cg_options;
    cg_options.relaxation_first = false;
    Seconds(
        [&] {
          auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, cg_options);
          if (!d.has_value()) return;
          cg_diff = 0;
          for (size_t t = 0; t < d->type_probability.size(); ++t) {
            cg_diff = std::max(cg_diff, std::abs(d->type_probability[t] - distribution->type_probability[t]));
          }
        },
        cpu_cg);
  }
  double t_round = Seconds([&] { max_change = RoundToLottery(*distribution, types, 1000).max_deviation; });
  FairnessOptions maximin;
  maximin.objective = Fairness::kMaximin;
  double t_maximin = Seconds(
      [&] {
        auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, maximin, &maximin_stats);
        if (d.has_value()) maximin_min = d->min_probability;
      },
      cpu_maximin);
  double t_legacy = Seconds([&] {
    for (int r = 0; r < 1000; ++r) {
      SeedStream s("bench", "legacy-" + std::to_string(r));
      (void)DrawLegacy(inst, s);
    }
  });
  std::printf(
      "%-20s %5zu %4d %6d %9.3f %7.2f %5s %6d %6d %9.6f %9.3f %7.2f %9.6f %7.2f %8.2f %7.1f %8.1e %8.3f %9.4f %10.3f\n",
      name.c_str(), inst.agents.size(), inst.panel_size, leximin_stats.types, t_leximin, cpu_leximin,
      leximin_stats.by_relaxation ? "relax" : "cg", leximin_stats.outer_rounds, leximin_stats.ilp_calls, leximin_min,
      t_maximin, cpu_maximin, maximin_min, cpu_leximin / std::max(cpu_maximin, 0.005), cpu_cg,
      cpu_cg / std::max(cpu_leximin, 0.005), cg_diff, t_round, max_change, t_legacy);
  std::fflush(stdout);
}

void PrintHeader() {
  std::printf("%-20s %5s %4s %6s %9s %7s %5s %6s %6s %9s %9s %7s %9s %7s %8s %7s %8s %8s %9s %10s\n", "instance", "n",
              "k", "types", "leximin_s", "lex_cpu", "path", "rounds", "ilps", "min_p", "maximin_s", "max_cpu",
              "maximin_p", "lex/max", "cg_cpu", "cg/lex", "cg_diff", "round_s", "round_dev", "legacy1k_s");
}

// Skewed city pools (see synthetic_pool.h): n volunteers, k seats, f features.
void BenchCity(int n, int k, int features) {
  wp::sortition::SyntheticPoolSpec spec;
  spec.volunteers = n;
  spec.panel_size = k;
  spec.features = features;
  Bench("city_" + std::to_string(n) + "_" + std::to_string(k) + "_f" + std::to_string(features),
        wp::sortition::SyntheticCityPool(spec));
}

}  // namespace

// "shapes N": N skewed city pools of many shapes (20 to 720 volunteers, 1 to
// 6 features, quotas from tight to loose), LEXIMIN both ways on each: how
// often the relaxation path answers and the largest difference of a type's
// chance between the two answers.
void BenchShapes(int cases) {
  using namespace wp::sortition;
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  int relax = 0, feasible = 0, worst_case = -1;
  double worst = 0, cpu_relax = 0, cpu_cg = 0;
  for (int i = 0; i < cases; ++i) {
    Instance inst = SyntheticCityPool(PoolOfManyShapes(i, 700, "stress2-"));
    TypeModel types = GroupAgentsByType(inst);
    FairnessStats stats;
    std::optional<Distribution> fast, reference;
    double cpu = 0;
    Seconds(
        [&] {
          auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{}, &stats);
          if (d.has_value()) fast = std::move(*d);
        },
        cpu);
    cpu_relax += cpu;
    FairnessOptions cg;
    cg.relaxation_first = false;
    Seconds(
        [&] {
          auto d = FindFairDistribution(inst, types, Solvers{*lp, *mip}, cg);
          if (d.has_value()) reference = std::move(*d);
        },
        cpu);
    cpu_cg += cpu;
    if (fast.has_value() != reference.has_value()) std::printf("pool %d: only one way found a distribution\n", i);
    if (!fast || !reference) continue;
    ++feasible;
    relax += stats.by_relaxation;
    for (size_t t = 0; t < types.types.size(); ++t) {
      double diff = std::abs(fast->type_probability[t] - reference->type_probability[t]);
      if (diff > worst) worst = diff, worst_case = i;
    }
  }
  std::printf(
      "%d pools, %d feasible, %d answered by the relaxation path, largest difference of a type's chance "
      "%.2e (pool %d); processor seconds: relaxation first %.1f, column generation %.1f\n",
      cases, feasible, relax, worst, worst_case, cpu_relax, cpu_cg);
}

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "shapes") {
    BenchShapes(std::atoi(argv[2]));
    return 0;
  }
  // "city N K F": only that skewed city pool.
  if (argc == 5 && std::string(argv[1]) == "city") {
    PrintHeader();
    BenchCity(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]));
    return 0;
  }
  std::filesystem::path pools = argc > 1 ? argv[1] : WP_DEFAULT_POOL_DIR;
  PrintHeader();
  struct Pool {
    const char* folder;
    int k;
  };
  for (Pool s : {Pool{"example_small_20", 20}, Pool{"sf_fixture_150_22", 22}}) {
    std::filesystem::path dir = pools / s.folder;
    if (!std::filesystem::exists(dir / "respondents.csv")) {
      std::fprintf(stderr, "missing %s (pass the folder that holds the pools as the first argument)\n", dir.c_str());
      return 1;
    }
    Instance inst;
    inst.quotas = *wp::sortition::ParseCategoriesCsv(Read(dir / "categories.csv"));
    inst.agents = *wp::sortition::ParseRespondentsCsv(Read(dir / "respondents.csv"), inst.quotas, {});
    inst.panel_size = s.k;
    Bench(s.folder, inst);
  }
  Bench("synthetic_300_45", Synthetic(300, 45, false));
  Bench("synthetic_500_75", Synthetic(500, 75, false));
  Bench("synthetic_750_112", Synthetic(750, 112, false));
  Bench("synthetic_2000_200", Synthetic(2000, 200, false));
  Bench("households_150_22", Synthetic(150, 22, true));
  Bench("households_300_45", Synthetic(300, 45, true));
  BenchCity(300, 40, 5);
  BenchCity(1200, 150, 5);
  // The largest shape of #16; its column-generation baseline takes ~100
  // processor seconds (WP_BENCH_NO_CG=1 leaves it out).
  BenchCity(2000, 200, 6);
  return 0;
}
