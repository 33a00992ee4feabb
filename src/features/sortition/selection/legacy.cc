#include "features/sortition/selection/legacy.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "features/sortition/selection/seed_stream.h"

namespace wp::sortition {
namespace {

// One attempt; returns false on a dead end.
bool TryOnce(const Instance& inst, Random& random, std::vector<int>& panel) {
  const int n = static_cast<int>(inst.agents.size());
  const int n_features = static_cast<int>(inst.quotas.features.size());
  std::vector<bool> alive(n, true);
  std::vector<int> remaining(n_features, 0);
  std::vector<int> selected(n_features, 0);
  for (const Agent& a : inst.agents) {
    for (int f : a.features) ++remaining[f];
  }
  std::unordered_map<std::string, std::vector<int>> households;
  if (inst.household_rule) {
    for (int i = 0; i < n; ++i) {
      if (!inst.agents[i].household.empty()) households[inst.agents[i].household].push_back(i);
    }
  }
  auto remove = [&](int i) {
    if (!alive[i]) return;
    alive[i] = false;
    for (int f : inst.agents[i].features) --remaining[f];
  };
  panel.clear();
  for (int step = 0; step < inst.panel_size; ++step) {
    int best = -1;
    double best_ratio = 0;
    for (int f = 0; f < n_features; ++f) {
      const Feature& feature = inst.quotas.features[f];
      if (remaining[f] == 0 || feature.max == 0) continue;
      const int needed = feature.min - selected[f];
      if (remaining[f] < needed) return false;
      double ratio = static_cast<double>(needed) / remaining[f];
      if (ratio > 1) return false;
      if (best < 0 || ratio > best_ratio) {
        best = f;
        best_ratio = ratio;
      }
    }
    if (best < 0) return false;
    std::vector<int> candidates;
    for (int i = 0; i < n; ++i) {
      if (alive[i] && std::count(inst.agents[i].features.begin(), inst.agents[i].features.end(), best)) {
        candidates.push_back(i);
      }
    }
    const int chosen = candidates[random.Uniform(candidates.size())];
    panel.push_back(chosen);
    remove(chosen);
    for (int f : inst.agents[chosen].features) ++selected[f];
    if (inst.household_rule && !inst.agents[chosen].household.empty()) {
      for (int mate : households[inst.agents[chosen].household]) remove(mate);
    }
    for (int f : inst.agents[chosen].features) {
      if (selected[f] < inst.quotas.features[f].max) continue;
      for (int i = 0; i < n; ++i) {
        if (alive[i] && std::count(inst.agents[i].features.begin(), inst.agents[i].features.end(), f)) remove(i);
      }
    }
  }
  for (int f = 0; f < n_features; ++f) {
    if (selected[f] < inst.quotas.features[f].min) return false;
  }
  std::sort(panel.begin(), panel.end());
  return true;
}

}  // namespace

Result<std::vector<int>> DrawLegacy(const Instance& instance, Random& random, int max_attempts) {
  std::vector<int> panel;
  for (int attempt = 0; attempt < max_attempts; ++attempt) {
    if (TryOnce(instance, random, panel)) return panel;
  }
  return InvalidInput("the legacy draw found no panel meeting the quotas in " + std::to_string(max_attempts) +
                      " attempts");
}

Result<std::vector<double>> EstimateLegacyProbabilities(const Instance& instance, int runs, std::string_view seed) {
  std::vector<double> probability(instance.agents.size(), 0.0);
  for (int r = 0; r < runs; ++r) {
    SeedStream stream(seed, "legacy-estimate-" + std::to_string(r));
    WP_ASSIGN_OR_RETURN(std::vector<int> panel, DrawLegacy(instance, stream));
    for (int i : panel) probability[i] += 1.0 / runs;
  }
  return probability;
}

}  // namespace wp::sortition
