// Every URL of the news feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/news/kernteam_pages.h"
#include "features/news/news_pages.h"

namespace wp::news {

void AddNewsRoutes(http::Router& router, const web::Web& web, NewsPages& news, KernteamPages& kernteam);

}  // namespace wp::news
