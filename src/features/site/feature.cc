#include "features/site/feature.h"

#include "wp_site_files.h"

namespace wp::site {

void RegisterSite(web::FeatureRegistry& registry, const web::FeatureDeps& deps) {
  registry.AddFiles("site", SiteFiles());
  const web::Web& web = deps.web;
  registry.AddRoutes([&web](http::Router& router) {
    router.Get("/toegankelijkheid", web.Page([&web](http::Request&, web::Context& ctx) {
      return web.Render(ctx, "site/accessibility.html", "site.a11y.title", nlohmann::json::object());
    }));
    router.Get("/over", web.Page([&web](http::Request&, web::Context& ctx) {
      return web.Render(ctx, "site/about.html", "site.about.title", nlohmann::json::object());
    }));
  });
}

}  // namespace wp::site
