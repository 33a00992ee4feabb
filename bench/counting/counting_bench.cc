// Benchmark of the counting rules: runs each rule on each Pabulib file and
// prints the wall time (best of N runs, parsing excluded, as in the reference
// figures) and the thread CPU time, the reference runtime recorded in
// expected/<file>.json on a machine of the same kind, and the speed-up
// (reference / our wall time).
//
// usage: wp_bench_counting [DATA_DIR] [--repeat N] [--only SUBSTRING]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <time.h>

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"
#include "features/budgets/counting/pabulib.h"
#include "features/budgets/counting/phragmen.h"
#include "features/budgets/counting/utilitarian.h"
#include "features/budgets/counting/reference_options.h"

namespace {

using namespace wp::budgets::counting;
namespace fs = std::filesystem;

struct RuleRun {
  std::string key;  // name in expected/*.json "results"
  std::function<CountResult(const Election&)> count;
};

std::vector<RuleRun> Rules() {
  auto mes = [](MesOptions o) { return [o](const Election& e) { return CountEqualShares(e, o); }; };
  return {
      {"pabutools.greedy_cost", [](const Election& e) { return CountGreedy(e, PabutoolsGreedy(GreedyKey::kVotes)); }},
      {"pabutools.greedy_card", [](const Election& e) { return CountGreedy(e, PabutoolsGreedy(GreedyKey::kVotesPerCost)); }},
      {"pabutools.greedy_points", [](const Election& e) { return CountGreedy(e, PabutoolsGreedy(GreedyKey::kScore)); }},
      {"pabutools.mes_cost", mes(PabutoolsMes(MesUtility::kCost, MesCompletion::kNone))},
      {"pabutools.mes_cost_add1", mes(PabutoolsMes(MesUtility::kCost, MesCompletion::kAddOne))},
      {"pabutools.mes_cost_greedy", mes(PabutoolsMes(MesUtility::kCost, MesCompletion::kGreedy))},
      {"pabutools.mes_cost_add1_greedy", mes(PabutoolsMes(MesUtility::kCost, MesCompletion::kAddOneGreedy))},
      {"pabutools.mes_card", mes(PabutoolsMes(MesUtility::kCardinality, MesCompletion::kNone))},
      {"pabutools.phragmen",
       [](const Election& e) { return CountPhragmen(e, PhragmenOptions{TieBreak::kIdString, 0, Arithmetic::kAuto}); }},
      {"pabutools.max_welfare_cost", [](const Election& e) { return CountUtilitarianOptimum(e); }},
      {"equalshares_tool.es_add1_integral", mes(EqualSharesTool(MesCompletion::kAddOneIntegral))},
      {"equalshares_tool.es_add1e_integral", mes(EqualSharesTool(MesCompletion::kAddOneIntegralExhaustive))},
      {"equalshares_tool.es_add1u_default", mes(EqualSharesTool(MesCompletion::kAddOneU))},
  };
}

double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

// CPU time of this thread: unlike wall time, it does not grow when other
// processes share the cores.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = WP_DEFAULT_DATA_DIR;
  int repeat = 5;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else dir = argv[i];
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".pb" && entry.path().string().find(only) != std::string::npos) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::printf("%-32s %-36s %7s %9s %9s %9s %9s %s\n", "file", "rule", "voters", "wall_ms", "cpu_ms", "ref_s",
              "speedup", "match");
  for (const fs::path& f : files) {
    auto t0 = std::chrono::steady_clock::now();
    auto inst = ReadPabulibFile(f.string());
    if (!inst) {
      std::fprintf(stderr, "%s\n", inst.error().detail.c_str());
      return 1;
    }
    auto election = ElectionFromPabulib(*inst);
    double parse_s = Seconds(std::chrono::steady_clock::now() - t0);
    if (!election) return 1;
    std::ifstream in(fs::path(dir) / "expected" / (f.stem().string() + ".json"));
    nlohmann::json expected = in ? nlohmann::json::parse(in) : nlohmann::json::object();
    std::printf("%-32s %-36s %7lld %9.2f\n", f.stem().string().c_str(), "(parse + count ballots)",
                static_cast<long long>(election->num_ballots), parse_s * 1e3);
    for (const RuleRun& rule : Rules()) {
      if (!expected["results"].contains(rule.key)) continue;
      const auto& want = expected["results"][rule.key];
      double best = 1e300, best_cpu = 1e300;
      CountResult result;
      for (int r = 0; r < repeat; ++r) {
        auto start = std::chrono::steady_clock::now();
        double cpu_start = CpuSeconds();
        result = rule.count(*election);
        best_cpu = std::min(best_cpu, CpuSeconds() - cpu_start);
        best = std::min(best, Seconds(std::chrono::steady_clock::now() - start));
      }
      double ref = want.value("runtime_s", 0.0);
      std::string total = want["total_cost"].is_string() ? want["total_cost"].get<std::string>()
                                                         : want["total_cost"].dump();
      bool match = FormatAmount(result.total_cost_cents) == FormatAmount(*ParseAmount(total));
      std::printf("%-32s %-36s %7lld %9.3f %9.3f %9.4f %8.0fx %s\n", f.stem().string().c_str(), rule.key.c_str(),
                  static_cast<long long>(election->num_ballots), best * 1e3, best_cpu * 1e3, ref,
                  ref / std::max(best, 1e-9),
                  match ? "same total" : "DIFFERENT TOTAL");
    }
  }
  return 0;
}
