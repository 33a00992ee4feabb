// AddChallengeRoutes: every URL of the right to challenge, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/challenges/group_pages.h"
#include "features/challenges/overview_page.h"
#include "features/challenges/public_pages.h"

namespace wp::challenges {

void AddChallengeRoutes(http::Router& router, const web::Web& web, PublicPages& open, GroupPages& group,
                        OfficialPages& official, OverviewPage& overview);

}  // namespace wp::challenges
