// HTML and feed routes of news: the news page, posts, the Atom feed, the
// newsletter archive for members, and the kernteam's pages.
#pragma once

#include "core/http/router.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/news/commands.h"

namespace wp::news {

void AddNewsRoutes(http::Router& router, const web::Web& web, NewsCommands& commands, const time::TimeZone& zone);

}  // namespace wp::news
