#include "features/site/routes.h"

namespace wp::site {

void AddSiteRoutes(http::Router& router, const web::Web& web, SitePages& pages) {
  router.Get("/toegankelijkheid", web.Page(pages, &SitePages::Accessibility, web::kCachedPublicPage));
  router.Get("/over", web.Page(pages, &SitePages::About));
}

}  // namespace wp::site
