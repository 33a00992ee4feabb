// AddContractRoutes: every URL of neighbourhood contracts, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/contracts/official_pages.h"
#include "features/contracts/public_pages.h"
#include "features/contracts/side_pages.h"

namespace wp::contracts {

void AddContractRoutes(http::Router& router, const web::Web& web, PublicPages& open, SidePages& sides,
                       OfficialPages& official);

}  // namespace wp::contracts
