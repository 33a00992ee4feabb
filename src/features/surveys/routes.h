// Every URL of the surveys feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/surveys/official_pages.h"
#include "features/surveys/public_pages.h"

namespace wp::surveys {

void AddSurveyRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official);

}  // namespace wp::surveys
