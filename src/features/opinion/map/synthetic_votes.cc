#include "features/opinion/map/synthetic_votes.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/random.h"

namespace wp::opinion {
namespace {

double Unit(Random& rng) { return static_cast<double>(rng.Uniform(uint64_t{1} << 53)) * 0x1p-53; }

int LatentGroup(int groups, Random& rng) {
  uint64_t r = rng.Uniform(static_cast<uint64_t>(groups) * (groups + 1) / 2);
  for (int g = 0;; ++g) {
    if (r < static_cast<uint64_t>(groups - g)) return g;
    r -= groups - g;
  }
}

// stance[statement][group]: +1 or -1.
std::vector<std::vector<int>> Stances(const SyntheticSpec& spec, Random& rng) {
  std::vector<std::vector<int>> stance(spec.statements, std::vector<int>(spec.groups, kAgree));
  for (auto& s : stance) {
    if (Unit(rng) < spec.consensus) continue;
    for (int& v : s) v = rng.Uniform(2) == 0 ? kAgree : kDisagree;
  }
  return stance;
}

int CastVote(int stance, const SyntheticSpec& spec, Random& rng) {
  if (Unit(rng) < spec.pass) return kPass;
  return Unit(rng) < spec.loyalty ? stance : -stance;
}

}  // namespace

SyntheticVotes MakeSyntheticVotes(const SyntheticSpec& spec) {
  SeededRandom rng(spec.seed);
  SyntheticVotes out;
  auto stance = Stances(spec, rng);
  std::vector<int> order(spec.statements);
  std::iota(order.begin(), order.end(), 0);
  for (int p = 0; p < spec.participants; ++p) {
    const int g = LatentGroup(spec.groups, rng);
    out.latent_group.push_back(g);
    double share = spec.min_share + (spec.max_share - spec.min_share) * Unit(rng);
    int n = std::clamp(static_cast<int>(std::lround(share * spec.statements)), 1, spec.statements);
    for (int k = 0; k < n; ++k) {  // partial Fisher-Yates: n distinct statements
      std::swap(order[k], order[k + rng.Uniform(spec.statements - k)]);
      out.rows.push_back(
          {std::to_string(p + 1), std::to_string(order[k] + 1), CastVote(stance[order[k]][g], spec, rng)});
    }
  }
  return out;
}

}  // namespace wp::opinion
