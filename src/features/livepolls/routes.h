// Every URL of live polls, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/livepolls/join_pages.h"
#include "features/livepolls/poll_pages.h"

namespace wp::livepolls {

void AddLivePollRoutes(http::Router& router, const web::Web& web, PollPages& polls, JoinPages& join);

}  // namespace wp::livepolls
