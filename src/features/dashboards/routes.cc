#include "features/dashboards/routes.h"

namespace wp::dashboards {

void AddDashboardRoutes(http::Router& router, const web::Web& web, AreaPages& pages) {
  router.Get("/cijfers", web.Page(pages, &AreaPages::City));
  router.Get("/cijfers/stadsdeel/{slug}", web.Page(pages, &AreaPages::Borough));
  router.Get("/cijfers/wijk/{slug}", web.Page(pages, &AreaPages::District));
  router.Get("/cijfers/uitkomsten", web.Page(pages, &AreaPages::Outcomes));
}

}  // namespace wp::dashboards
