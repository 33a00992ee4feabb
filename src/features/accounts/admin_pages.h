// Administrators' pages: find accounts, grant and revoke roles.
// Thread-safe.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/web/web.h"
#include "features/accounts/commands.h"

namespace wp::accounts {

// Scopes an administrator can choose when granting a role, as (value, label).
using ScopeOptionsFn = std::function<std::vector<std::pair<std::string, std::string>>()>;

class AdminUserPages {
 public:
  AdminUserPages(const web::Web& web, AccountCommands& commands, ScopeOptionsFn scope_options)
      : web_(web), commands_(commands), scope_options_(std::move(scope_options)) {}

  Result<http::Response> Users(web::Context& ctx);       // GET  /beheer/gebruikers
  Result<http::Response> User(web::Context& ctx);        // GET  /beheer/gebruikers/{id}
  Result<http::Response> GrantRole(web::Context& ctx);   // POST /beheer/gebruikers/{id}/rollen
  Result<http::Response> RevokeRole(web::Context& ctx);  // POST /beheer/gebruikers/{id}/rollen/intrekken

 private:
  Result<http::Response> ShowUser(web::Context& ctx, int64_t id, const Error* error);
  Result<http::Response> ChangeRole(web::Context& ctx, bool grant);

  const web::Web& web_;
  AccountCommands& commands_;
  ScopeOptionsFn scope_options_;
};

}  // namespace wp::accounts
