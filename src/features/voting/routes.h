// AddVotingRoutes: every URL of the voting feature with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/voting/ballot_pages.h"
#include "features/voting/official_pages.h"
#include "features/voting/result_pages.h"

namespace wp::voting {

void AddVotingRoutes(http::Router& router, const web::Web& web, BallotPages& ballots, OfficialPages& officials,
                     ResultPages& results);

}  // namespace wp::voting
