// RegisterBudgets: Wijk aan Zet editions: plans, likes, feasibility, implementation (#6).
// Returns the EditionDirectory (edition_directory.h) that the codes and voting features use.
#pragma once

#include "core/web/registry.h"
#include "features/budgets/commands.h"
#include "features/budgets/edition_directory.h"
#include "features/geography/service.h"

namespace wp::budgets {

EditionDirectory& RegisterBudgets(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  geography::GeographyService& geography, const BudgetsOptions& options);

}  // namespace wp::budgets
