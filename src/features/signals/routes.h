// Every URL of the signals feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/signals/admin_pages.h"
#include "features/signals/open311_api.h"
#include "features/signals/public_pages.h"
#include "features/signals/resident_pages.h"
#include "features/signals/staff_pages.h"
#include "features/signals/trends_pages.h"

namespace wp::signals {

struct SignalPages {
  ResidentPages& resident;
  StaffPages& staff;
  PublicPages& open;
  AdminPages& admin;
  Open311Api& api;
  TrendsPages& trends;
};

void AddSignalRoutes(http::Router& router, const web::Web& web, const SignalPages& pages);

}  // namespace wp::signals
