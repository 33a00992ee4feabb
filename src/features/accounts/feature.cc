#include "features/accounts/feature.h"

#include "wp_accounts_files.h"

namespace wp::accounts {

AccountCommands& RegisterAccounts(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  AccountsOptions options) {
  registry.AddFiles("accounts", AccountsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("accounts", AccountsFiles()));
  auto& hasher = registry.Keep(std::make_unique<auth::PasswordHasher>(options.password_cost));
  auto& commands = registry.Keep(std::make_unique<AccountCommands>(deps.db, deps.clock, deps.random, hasher,
                                                                   deps.web.catalog(), options.settings));
  deps.web.SetIdentity([&commands](std::string_view token) { return commands.UserForSession(token); });
  deps.web.AddNav({"/account", "accounts.nav.account", std::nullopt, true});
  deps.web.AddNav({"/beheer/gebruikers", "accounts.nav.admin_users", auth::Role::kAdministrator, true});
  registry.AddStat({"wp_users_total", "Registered accounts",
                    [](db::Connection& c) { return AccountStore::CountUsers(c).value_or(0); }});
  deps.jobs.AddPeriodic("accounts.purge", 3600, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.PurgeExpired());
    return Ok();
  });
  const web::Web& web = deps.web;
  registry.AddRoutes([&web, &commands, scope = options.scope_options](http::Router& router) {
    AddAccountRoutes(router, web, commands, scope);
  });
  return commands;
}

}  // namespace wp::accounts
