// Every URL of the initiatives feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/initiatives/desk_pages.h"
#include "features/initiatives/public_pages.h"
#include "features/initiatives/resident_pages.h"

namespace wp::initiatives {

void AddInitiativeRoutes(http::Router& router, const web::Web& web, ResidentPages& resident, DeskPages& desk,
                         PublicPages& open);

}  // namespace wp::initiatives
