// AddForumsRoutes: every URL of forums, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/forums/official_pages.h"
#include "features/forums/public_pages.h"
#include "features/forums/workspace_pages.h"

namespace wp::forums {

void AddForumsRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official,
                     WorkspacePages& work);

}  // namespace wp::forums
