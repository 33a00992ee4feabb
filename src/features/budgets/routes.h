// Every URL of the budgets feature (Wijk aan Zet), with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/budgets/admin_edition_pages.h"
#include "features/budgets/admin_plan_pages.h"
#include "features/budgets/plan_pages.h"
#include "features/budgets/public_pages.h"

namespace wp::budgets {

void AddBudgetRoutes(http::Router& router, const web::Web& web, PublicPages& pub, PlanPages& plans,
                     AdminEditionPages& editions, AdminPlanPages& staff);

}  // namespace wp::budgets
