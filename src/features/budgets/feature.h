// RegisterBudgets: Wijk aan Zet editions: plans, likes, feasibility, implementation (issue 6).
#pragma once

#include "core/web/registry.h"

namespace wp::budgets {

void RegisterBudgets(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::budgets
