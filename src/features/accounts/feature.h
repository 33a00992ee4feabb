// RegisterAccounts: adds the accounts feature (migrations, views, strings,
// routes, navigation, stats) and returns its commands for the app (sessions,
// CLI) and the role interface for other features (roles.h).
#pragma once

#include "core/auth/password.h"
#include "core/web/registry.h"
#include "features/accounts/commands.h"
#include "features/accounts/admin_pages.h"
#include "features/accounts/roles.h"

namespace wp::accounts {

struct AccountsOptions {
  AccountSettings settings;
  auth::PasswordCost password_cost;
  ScopeOptionsFn scope_options;  // areas offered when granting a scoped role
};

struct Accounts {
  AccountCommands& commands;
  const Roles& roles;
};

Accounts RegisterAccounts(web::FeatureRegistry& registry, const web::FeatureDeps& deps, AccountsOptions options);

}  // namespace wp::accounts
