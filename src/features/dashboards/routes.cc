#include "features/dashboards/routes.h"

namespace wp::dashboards {

void AddDashboardRoutes(http::Router& router, const web::Web& web, AreaPages& pages, ReportPages& reports) {
  router.Get("/cijfers", web.Page(pages, &AreaPages::City, web::kCachedPublicPage));
  router.Get("/cijfers/stadsdeel/{slug}", web.Page(pages, &AreaPages::Borough, web::kCachedPublicPage));
  router.Get("/cijfers/wijk/{slug}", web.Page(pages, &AreaPages::District, web::kCachedPublicPage));
  router.Get("/cijfers/uitkomsten", web.Page(pages, &AreaPages::Outcomes, web::kCachedPublicPage));
  router.Get("/cijfers/rapport", web.Page(reports, &ReportPages::Report));
  router.Get("/cijfers/rapport/pdf", web.Page(reports, &ReportPages::ReportPdf));
  router.Get("/cijfers/open-data", web.Page(reports, &ReportPages::OpenData));
  router.Get("/cijfers/open-data/catalogus.jsonld", web.Page(reports, &ReportPages::Catalogue));
  router.Get("/cijfers/open-data/{dataset}/{format}", web.Page(reports, &ReportPages::Download));
}

}  // namespace wp::dashboards
