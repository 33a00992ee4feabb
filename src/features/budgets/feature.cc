#include "features/budgets/feature.h"

#include "features/budgets/demo.h"
#include "features/budgets/pages.h"
#include "wp_budgets_files.h"

namespace wp::budgets {

EditionDirectory& RegisterBudgets(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  geography::GeographyService& geography, const BudgetsOptions& options) {
  registry.AddFiles("budgets", BudgetsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("budgets", BudgetsFiles()));
  auto& commands = registry.Keep(
      std::make_unique<BudgetCommands>(deps.db, deps.clock, deps.random, deps.web.catalog(), options));
  auto& directory = registry.Keep(std::make_unique<EditionDirectory>(commands));
  deps.web.AddNav({"/wijkbudget", "budgets.nav.editions", std::nullopt, false});
  registry.AddStat({"wp_budget_plans_total", "Wijk aan Zet plans submitted", [](db::Connection& c) -> int64_t {
                      auto r = c.QueryOne("SELECT COUNT(*) FROM budget_plans");
                      return r.has_value() ? r->Int(0) : 0;
                    }});
  // Phases move on with the calendar even when nobody opens a page.
  deps.jobs.AddPeriodic("budgets.settle", 60, [&commands] { return commands.SettleAll(); });
  const web::Web& web = deps.web;
  registry.AddRoutes([&web, &commands, &geography, &zone = deps.zone](http::Router& router) {
    AddBudgetRoutes(router, web, commands, geography, zone);
  });
  registry.AddDemo("budgets", [&db = deps.db, &geography, &zone = deps.zone](const web::DemoSeed& seed) {
    return LoadBudgetsDemo(db, geography, seed, zone);
  });
  return directory;
}

}  // namespace wp::budgets
