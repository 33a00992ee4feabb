#include "features/promises/routes.h"

namespace wp::promises {

void AddPromiseRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official) {
  // Everyone: the promises are public.
  router.Get("/wijkplatform/{slug}/toezeggingen", web.Page(open, &PublicPages::Platform));
  router.Get("/toezeggingen/{id}", web.Page(open, &PublicPages::Promise));

  // Officials (the pages and commands check the rights per platform: 403 otherwise).
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/beheer/toezeggingen", web.Page(official, &OfficialPages::Overview, signed_in));
  router.Get("/beheer/toezeggingen/nieuw", web.Page(official, &OfficialPages::NewForm, signed_in));
  router.Post("/beheer/toezeggingen/nieuw", web.Page(official, &OfficialPages::Create, signed_in));
  router.Post("/toezeggingen/{id}/bijwerken", web.Page(official, &OfficialPages::Update, signed_in));
  router.Post("/toezeggingen/{id}/overdragen", web.Page(official, &OfficialPages::Handover, signed_in));
}

}  // namespace wp::promises
