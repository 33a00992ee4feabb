// Agent types: volunteers with identical feature vectors are interchangeable,
// so the selection LPs and ILPs run over types instead of people (LEXIMIN
// gives them equal probabilities, so nothing is lost). Under the household rule, members
// of a household with two or more volunteers each get a type of their own.
#pragma once

#include <vector>

#include "features/sortition/selection/instance.h"

namespace wp::sortition {

struct AgentType {
  std::vector<int> features;  // one feature index per category
  std::vector<int> members;   // agent indices, ascending
};

// A panel up to exchanging people of the same type: count[t] members of type t.
using Composition = std::vector<int>;

struct TypeModel {
  std::vector<AgentType> types;              // ordered by first member
  std::vector<int> type_of_agent;            // agent index -> type index
  std::vector<std::vector<int>> households;  // type indices of households with >= 2 volunteers
};

// Groups the agents of `instance` into types.
TypeModel GroupAgentsByType(const Instance& instance);

// Feature counts of a composition.
std::vector<int> FeatureCounts(const Instance& instance, const TypeModel& types, const Composition& panel);

}  // namespace wp::sortition
