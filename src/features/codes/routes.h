// Every URL of the codes feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/codes/letter_pages.h"
#include "features/codes/overview_pages.h"
#include "features/codes/run_pages.h"

namespace wp::codes {

void AddCodeRoutes(http::Router& router, const web::Web& web, OverviewPages& overview, RunPages& runs,
                   LetterPages& letters);

}  // namespace wp::codes
