// Pages of one's own account: what the account is and may do, and the
// language of the site and its e-mail. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/accounts/commands.h"

namespace wp::accounts {

class AccountPages {
 public:
  AccountPages(const web::Web& web, AccountCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Show(web::Context& ctx);         // GET  /account
  Result<http::Response> SetLanguage(web::Context& ctx);  // POST /account/taal
  Result<http::Response> SendCheck(web::Context& ctx);    // POST /account/e-mailadres

 private:
  const web::Web& web_;
  AccountCommands& commands_;
};

// The roles of `grants` as {label, scope, role} for views; with the
// resident role every account has first when `include_resident`.
nlohmann::json RolesJson(const web::Context& ctx, const std::vector<auth::RoleGrant>& grants, bool include_resident);

}  // namespace wp::accounts
