#include "features/budgets/feature.h"

#include "features/budgets/demo.h"
#include "features/budgets/routes.h"
#include "wp_budgets_files.h"

namespace wp::budgets {

EditionDirectory& RegisterBudgets(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  geography::GeographyService& geography, const BudgetsOptions& options) {
  registry.AddFiles("budgets", BudgetsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("budgets", BudgetsFiles()));
  auto& commands =
      registry.Keep(std::make_unique<BudgetCommands>(deps.db, deps.clock, deps.random, deps.web.catalog(), options));
  auto& directory = registry.Keep(std::make_unique<EditionDirectory>(commands, options.edition_cache_ms));
  deps.web.AddNav({"/wijkbudget", "budgets.nav.editions", std::nullopt, false});
  registry.AddStat({"wp_budget_plans_total", "Wijk aan Zet plans submitted", [](db::Connection& c) -> int64_t {
                      auto r = c.QueryOne("SELECT COUNT(*) FROM budget_plans");
                      return r.has_value() ? r->Int(0) : 0;
                    }});
  // Phases move on with the calendar even when nobody opens a page.
  deps.jobs.AddPeriodic("budgets.settle", 60, [&commands] { return commands.SettleAll(); });
  MunicipalityFn municipality = [&geography] { return geography.current(); };
  const PageDeps pages{deps.web, commands, municipality, deps.zone};
  auto& pub = registry.Keep(std::make_unique<PublicPages>(pages));
  auto& plans = registry.Keep(std::make_unique<PlanPages>(pages));
  auto& editions = registry.Keep(std::make_unique<AdminEditionPages>(pages));
  auto& staff = registry.Keep(std::make_unique<AdminPlanPages>(pages));
  // Plans carry photos: submitting and editing one takes uploads (signed in).
  registry.AddUploadRoute({http::Method::kPost, "/wijkbudget/{slug}/plannen/nieuw", true});
  registry.AddUploadRoute({http::Method::kPost, "/wijkbudget/{slug}/plannen/{id}/bewerken", true});
  registry.AddRoutes([&web = deps.web, &pub, &plans, &editions, &staff](http::Router& router) {
    AddBudgetRoutes(router, web, pub, plans, editions, staff);
  });
  registry.AddDemo("budgets", [&db = deps.db, municipality, &zone = deps.zone](const web::DemoSeed& seed) {
    return LoadBudgetsDemo(db, *municipality(), seed, zone);
  });
  return directory;
}

}  // namespace wp::budgets
