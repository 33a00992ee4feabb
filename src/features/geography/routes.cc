#include "features/geography/routes.h"

namespace wp::geography {

void AddGeographyRoutes(http::Router& router, const web::Web& web, AreaPages& areas, ContactPages& contacts) {
  router.Get("/", web.Page(areas, &AreaPages::Home, web::kCachedPublicPage));
  router.Get("/stadsdeel/{slug}", web.Page(areas, &AreaPages::ShowBorough, web::kCachedPublicPage));
  router.Get("/wijk/{code}", web.Page(areas, &AreaPages::ShowDistrict, web::kCachedPublicPage));

  // Signed in; the handlers check the stadsdeel: its gebiedsverbinder or an administrator.
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/stadsdeel/{slug}/contact", web.Page(contacts, &ContactPages::EditForm, signed_in));
  router.Post("/stadsdeel/{slug}/contact", web.Page(contacts, &ContactPages::Save, signed_in));
}

}  // namespace wp::geography
