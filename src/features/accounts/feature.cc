#include "features/accounts/feature.h"

#include "features/accounts/routes.h"
#include "wp_accounts_files.h"

namespace wp::accounts {

Accounts RegisterAccounts(web::FeatureRegistry& registry, const web::FeatureDeps& deps, AccountsOptions options) {
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
  auto& session = registry.Keep(std::make_unique<SessionPages>(web, commands));
  auto& account = registry.Keep(std::make_unique<AccountPages>(web, commands));
  auto& admin = registry.Keep(std::make_unique<AdminUserPages>(web, commands, options.scope_options));
  registry.AddRoutes([&web, &session, &account, &admin](http::Router& router) {
    AddAccountRoutes(router, web, session, account, admin);
  });
  return {commands, registry.Keep(std::make_unique<Roles>())};
}

}  // namespace wp::accounts
