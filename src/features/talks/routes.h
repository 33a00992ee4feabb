// AddTalkRoutes: every URL of the rounds of talks, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/talks/official_pages.h"
#include "features/talks/public_pages.h"

namespace wp::talks {

void AddTalkRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official);

}  // namespace wp::talks
