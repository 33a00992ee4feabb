// HTML routes of Wijk aan Zet: the public edition and plan pages (submit,
// edit, like, merge consent, progress), photos, and the officials' and
// experts' pages under /beheer/wijkbudget (editions, send back, merge,
// feasibility review, milestones).
#pragma once

#include "core/http/router.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/budgets/commands.h"
#include "features/geography/service.h"

namespace wp::budgets {

void AddBudgetRoutes(http::Router& router, const web::Web& web, BudgetCommands& commands,
                     geography::GeographyService& geography, const time::TimeZone& zone);

}  // namespace wp::budgets
