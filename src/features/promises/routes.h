// AddPromiseRoutes: every URL of the promises log, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/promises/official_pages.h"
#include "features/promises/public_pages.h"

namespace wp::promises {

void AddPromiseRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official);

}  // namespace wp::promises
