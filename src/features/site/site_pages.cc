#include "features/site/site_pages.h"

namespace wp::site {

Result<http::Response> SitePages::Accessibility(web::Context& ctx) {
  return web_.Render(ctx, "site/accessibility.html", "site.a11y.title", nlohmann::json::object());
}

Result<http::Response> SitePages::About(web::Context& ctx) {
  return web_.Render(ctx, "site/about.html", "site.about.title", nlohmann::json::object());
}

}  // namespace wp::site
