// Times the full opinion-map recompute (projection + groups + statement
// statistics) on a synthetic conversation with three latent groups, next to a
// plain dense baseline in the same run: the N x M matrix filled in with the
// statement means, its dense covariance Z'Z (M x M) and a full
// SelfAdjointEigenSolver, followed by the same groups and statistics. Also
// checks the groups found against the latent ones (adjusted Rand index, share
// grouped as its latent group) and the axes of both methods against each other.
// Usage: wp_bench_opinion [PARTICIPANTS [STATEMENTS [RUNS [SEED]]]]
//        (default 10000 1000 5 1; the dense baseline runs max(1, RUNS / 2) times)
#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "features/opinion/map/opinion_map.h"
#include "features/opinion/map/synthetic_votes.h"

namespace {

using namespace wp::opinion;

struct Timing {
  double wall = 0, cpu = 0;
};

Timing Time(const std::function<void()>& f) {
  std::clock_t c0 = std::clock();
  auto t0 = std::chrono::steady_clock::now();
  f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
          static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC};
}

Timing Median(std::vector<Timing> runs) {
  auto mid = [&](auto key) {
    std::vector<double> v;
    for (const Timing& t : runs) v.push_back(key(t));
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  };
  return {mid([](const Timing& t) { return t.wall; }), mid([](const Timing& t) { return t.cpu; })};
}

// The dense baseline's projection: every cell stored, missing ones filled in.
Projection DenseProjection(const VoteMatrix& votes) {
  std::vector<double> mean = StatementMeans(votes);
  const int n = votes.Participants(), m = votes.Statements();
  Eigen::MatrixXd z(n, m);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) z(i, j) = mean[j];  // imputed
    for (int64_t e = votes.row_start[i]; e < votes.row_start[i + 1]; ++e) z(i, votes.column[e]) = votes.value[e];
  }
  z.rowwise() -= z.colwise().mean();
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(m, m);
  cov.selfadjointView<Eigen::Lower>().rankUpdate(z.transpose());
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov.selfadjointView<Eigen::Lower>());
  Components c;
  c.iterations = 1;
  for (int k = 0; k < 2; ++k) {
    Eigen::VectorXd v = solver.eigenvectors().col(m - 1 - k);
    c.axis[k].assign(v.data(), v.data() + m);
    c.eigenvalue[k] = solver.eigenvalues()(m - 1 - k);
  }
  NormaliseSigns(c);
  return ProjectWith(votes, std::move(mean), std::move(c));
}

double Choose2(double x) { return x * (x - 1) / 2; }

// Adjusted Rand index (Hubert and Arabie 1985) of the grouped participants'
// groups against their latent groups.
double AdjustedRand(const std::vector<int>& found, const std::vector<int>& latent) {
  std::map<std::pair<int, int>, double> both;
  std::map<int, double> a, b;
  double n = 0;
  for (size_t p = 0; p < found.size(); ++p) {
    if (found[p] < 0) continue;
    ++both[{found[p], latent[p]}];
    ++a[found[p]];
    ++b[latent[p]];
    ++n;
  }
  double index = 0, sa = 0, sb = 0;
  for (auto& [k, v] : both) index += Choose2(v);
  for (auto& [k, v] : a) sa += Choose2(v);
  for (auto& [k, v] : b) sb += Choose2(v);
  double expected = sa * sb / Choose2(n), best = (sa + sb) / 2;
  return best == expected ? 1.0 : (index - expected) / (best - expected);
}

// Share of grouped participants whose group's majority latent group is theirs.
double ShareMatched(const std::vector<int>& found, const std::vector<int>& latent) {
  std::map<std::pair<int, int>, int> both;
  std::map<int, int> best;
  int n = 0, matched = 0;
  for (size_t p = 0; p < found.size(); ++p) {
    if (found[p] >= 0) ++both[{found[p], latent[p]}], ++n;
  }
  for (auto& [key, count] : both) best[key.first] = std::max(best[key.first], count);
  for (auto& [group, count] : best) matched += count;
  return n ? static_cast<double>(matched) / n : 0;
}

double AxisDifference(const Projection& a, const Projection& b) {
  double worst = 0;
  for (int c = 0; c < 2; ++c) {
    for (size_t j = 0; j < a.components.axis[c].size(); ++j) {
      worst = std::max(worst, std::abs(a.components.axis[c][j] - b.components.axis[c][j]));
    }
  }
  return worst;
}

void PrintMap(const char* name, const OpinionMap& map, const SyntheticVotes& synthetic) {
  std::printf("%-7s k=%d sizes", name, map.groups.k());
  for (int s : map.groups.size) std::printf(" %d", s);
  std::printf("  silhouette %.3f  grouped %zu  ARI %.4f  matched %.2f%%  axis iterations %d%s\n",
              map.groups.chosen_silhouette, map.groups.grouped.size(),
              AdjustedRand(map.groups.group, synthetic.latent_group),
              100 * ShareMatched(map.groups.group, synthetic.latent_group), map.projection.components.iterations,
              map.projection.components.converged ? "" : " (not converged)");
}

}  // namespace

int main(int argc, char** argv) {
  SyntheticSpec spec;
  spec.participants = argc > 1 ? std::atoi(argv[1]) : 10000;
  spec.statements = argc > 2 ? std::atoi(argv[2]) : 1000;
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  spec.seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
  SyntheticVotes synthetic;
  Timing gen = Time([&] { synthetic = MakeSyntheticVotes(spec); });
  VoteMatrix votes;
  Timing build = Time([&] { votes = *BuildVoteMatrix(synthetic.rows); });
  std::printf(
      "synthetic: %d participants x %d statements, %lld votes (%.1f%% filled), %d latent groups, seed %llu\n",
      votes.Participants(), votes.Statements(), static_cast<long long>(votes.Votes()),
      100.0 * static_cast<double>(votes.Votes()) / (static_cast<double>(votes.Participants()) * votes.Statements()),
      spec.groups, static_cast<unsigned long long>(spec.seed));
  std::printf("generate %.3f s, build matrix %.3f s (not in the recompute)\n", gen.wall, build.wall);
  MapSettings settings;
  OpinionMap sparse, dense;
  std::vector<Timing> sparse_runs, dense_runs, sparse_projection;
  for (int r = 0; r < runs; ++r) {
    sparse_runs.push_back(Time([&] { sparse = *BuildOpinionMap(votes, settings); }));
    sparse_projection.push_back(Time([&] { (void)Project(votes, settings.projection); }));
  }
  for (int r = 0; r < std::max(1, runs / 2); ++r) {
    dense_runs.push_back(Time([&] { dense = MapFromProjection(votes, DenseProjection(votes), settings); }));
  }
  Timing s = Median(sparse_runs), d = Median(dense_runs), sp = Median(sparse_projection);
  std::printf("recompute (median of %d): sparse %.3f s wall, %.3f s cpu (projection alone %.3f s)\n", runs, s.wall,
              s.cpu, sp.wall);
  std::printf("dense baseline (median of %zu): %.3f s wall, %.3f s cpu\n", dense_runs.size(), d.wall, d.cpu);
  std::printf("ratio dense / sparse: %.1f (wall), %.1f (cpu)\n", d.wall / s.wall, d.cpu / s.cpu);
  std::printf("largest difference between the axes of the two methods: %.2e\n",
              AxisDifference(sparse.projection, dense.projection));
  PrintMap("sparse", sparse, synthetic);
  PrintMap("dense", dense, synthetic);
  std::printf("target: recompute under 2 s: %s\n", s.wall < 2.0 ? "met" : "NOT met");
  return 0;
}
