// Every URL of the accounts feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/accounts/account_pages.h"
#include "features/accounts/admin_pages.h"
#include "features/accounts/session_pages.h"

namespace wp::accounts {

void AddAccountRoutes(http::Router& router, const web::Web& web, SessionPages& session, AccountPages& account,
                      AdminUserPages& admin);

}  // namespace wp::accounts
