#include "features/site/feature.h"

#include "features/site/routes.h"
#include "wp_site_files.h"

namespace wp::site {

void RegisterSite(web::FeatureRegistry& registry, const web::FeatureDeps& deps) {
  registry.AddFiles("site", SiteFiles());
  const web::Web& web = deps.web;
  auto& pages = registry.Keep(std::make_unique<SitePages>(web));
  registry.AddRoutes([&web, &pages](http::Router& router) { AddSiteRoutes(router, web, pages); });
}

}  // namespace wp::site
