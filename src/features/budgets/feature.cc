#include "features/budgets/feature.h"

#include "wp_budgets_files.h"

namespace wp::budgets {

void RegisterBudgets(web::FeatureRegistry& registry, const web::FeatureDeps&) {
  registry.AddFiles("budgets", BudgetsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("budgets", BudgetsFiles()));
}

}  // namespace wp::budgets
