#include "features/contracts/feature.h"

#include "features/contracts/demo.h"
#include "features/contracts/routes.h"
#include "wp_contracts_files.h"

namespace wp::contracts {

ContractCommands& RegisterContracts(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                    platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                    const ContractsOptions& options) {
  registry.AddFiles("contracts", ContractsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("contracts", ContractsFiles()));
  auto& commands = registry.Keep(std::make_unique<ContractCommands>(deps.db, deps.clock, deps.web.catalog(), directory,
                                                                    roles, deps.zone, options.settings));
  deps.web.AddNav({"/wijkcontracten", "contracts.nav.contracts", std::nullopt, false});
  registry.AddStat({"wp_contracts_signed", "Neighbourhood contracts signed",
                    [](db::Connection& c) { return ContractStore::CountSigned(c).value_or(0); }});
  deps.jobs.AddPeriodic("contracts.reminders", options.reminder_check_seconds, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.SendReminders());
    return Ok();
  });
  registry.AddDemo("contracts", [&commands](const web::DemoSeed& seed) { return LoadContractsDemo(seed, commands); });
  // A progress update may carry a photo and a document.
  registry.AddUploadRoute({http::Method::kPost, "/wijkcontract/{id}/afspraak/{cid}/voortgang", true});
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& sides = registry.Keep(std::make_unique<SidePages>(web, commands, open));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands));
  registry.AddRoutes([&web, &open, &sides, &official](http::Router& router) {
    AddContractRoutes(router, web, open, sides, official);
  });
  return commands;
}

}  // namespace wp::contracts
