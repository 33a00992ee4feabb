// HTML routes of the accounts feature: register, sign in/out, forgotten
// password, own account, and the administrators' user and role pages.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/accounts/commands.h"

namespace wp::accounts {

// Scopes an administrator can choose when granting a role, as (value, label).
using ScopeOptionsFn = std::function<std::vector<std::pair<std::string, std::string>>()>;

void AddAccountRoutes(http::Router& router, const web::Web& web, AccountCommands& commands,
                      ScopeOptionsFn scope_options);

}  // namespace wp::accounts
