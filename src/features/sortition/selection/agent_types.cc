#include "features/sortition/selection/agent_types.h"

#include <map>
#include <string>

namespace wp::sortition {

TypeModel GroupAgentsByType(const Instance& instance) {
  TypeModel model;
  std::map<std::string, std::vector<int>> by_household;
  if (instance.household_rule) {
    for (size_t i = 0; i < instance.agents.size(); ++i) {
      if (!instance.agents[i].household.empty())
        by_household[instance.agents[i].household].push_back(static_cast<int>(i));
    }
  }
  auto shares_household = [&](int i) {
    const std::string& h = instance.agents[i].household;
    return instance.household_rule && !h.empty() && by_household[h].size() >= 2;
  };
  std::map<std::vector<int>, int> index;
  model.type_of_agent.assign(instance.agents.size(), -1);
  for (size_t i = 0; i < instance.agents.size(); ++i) {
    const Agent& a = instance.agents[i];
    int t = -1;
    if (!shares_household(static_cast<int>(i))) {
      auto it = index.find(a.features);
      if (it != index.end()) t = it->second;
    }
    if (t < 0) {
      t = static_cast<int>(model.types.size());
      model.types.push_back(AgentType{a.features, {}});
      if (!shares_household(static_cast<int>(i))) index.emplace(a.features, t);
    }
    model.types[t].members.push_back(static_cast<int>(i));
    model.type_of_agent[i] = t;
  }
  for (const auto& [key, members] : by_household) {
    if (members.size() < 2) continue;
    std::vector<int> types;
    for (int m : members) types.push_back(model.type_of_agent[m]);
    model.households.push_back(std::move(types));
  }
  return model;
}

std::vector<int> FeatureCounts(const Instance& instance, const TypeModel& types, const Composition& panel) {
  std::vector<int> count(instance.quotas.features.size(), 0);
  for (size_t t = 0; t < panel.size(); ++t) {
    for (int f : types.types[t].features) count[f] += panel[t];
  }
  return count;
}

}  // namespace wp::sortition
