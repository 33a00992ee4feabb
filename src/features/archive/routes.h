// AddArchiveRoutes: every URL of the archive, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/archive/keeper_pages.h"
#include "features/archive/public_pages.h"

namespace wp::archive {

inline constexpr const char* kUploadPattern = "/wijkplatform/{slug}/archief/nieuw";

void AddArchiveRoutes(http::Router& router, const web::Web& web, PublicPages& open, KeeperPages& keeper,
                      FollowPages& follow);

}  // namespace wp::archive
