#include "features/sortition/selection/replacement.h"

#include <algorithm>
#include <set>

namespace wp::sortition {

Result<ReplacementProblem> BuildReplacementProblem(const Instance& original, const std::vector<int>& panel,
                                                   const std::vector<int>& dropouts) {
  if (dropouts.empty()) return InvalidInput("no drop-outs to replace");
  std::set<int> on_panel(panel.begin(), panel.end());
  std::set<int> dropped(dropouts.begin(), dropouts.end());
  for (int d : dropped) {
    if (!on_panel.count(d)) return InvalidInput(original.agents[d].id + " is not on the panel, so cannot drop out");
  }
  ReplacementProblem out;
  std::vector<int> kept_count(original.quotas.features.size(), 0);
  std::set<std::string> kept_households;
  for (int m : on_panel) {
    if (dropped.count(m)) continue;
    out.kept.push_back(m);
    for (int f : original.agents[m].features) ++kept_count[f];
    if (original.household_rule && !original.agents[m].household.empty()) {
      kept_households.insert(original.agents[m].household);
    }
  }
  out.instance.quotas = original.quotas;
  for (size_t f = 0; f < kept_count.size(); ++f) {
    Feature& feature = out.instance.quotas.features[f];
    if (kept_count[f] > feature.max) {
      return InvalidInput("the members who stay already exceed the maximum of " + feature.Name() + " (" +
                          std::to_string(kept_count[f]) + " > " + std::to_string(feature.max) + ")");
    }
    feature.min = std::max(0, feature.min - kept_count[f]);
    feature.max -= kept_count[f];
    if (feature.min_flex >= 0) feature.min_flex = std::min(feature.min, std::max(0, feature.min_flex - kept_count[f]));
    if (feature.max_flex >= 0) feature.max_flex = std::max(feature.max, feature.max_flex - kept_count[f]);
  }
  out.instance.household_rule = original.household_rule;
  out.instance.panel_size = static_cast<int>(dropped.size());
  for (size_t i = 0; i < original.agents.size(); ++i) {
    const Agent& a = original.agents[i];
    if (on_panel.count(static_cast<int>(i))) continue;
    if (original.household_rule && !a.household.empty() && kept_households.count(a.household)) continue;
    out.instance.agents.push_back(a);
    out.original_index.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace wp::sortition
