#include "features/forums/routes.h"

namespace wp::forums {

void AddForumsRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official) {
  // Everyone: the forums, their published draws, and registration with a code.
  router.Get("/loting", web.Page(open, &PublicPages::Index));
  router.Get("/loting/{slug}", web.Page(open, &PublicPages::ForumPage));
  router.Get("/loting/{slug}/trekking/{id}", web.Page(open, &PublicPages::DrawPage));
  router.Get("/loting/{slug}/trekking/{id}/{file}", web.Page(open, &PublicPages::DrawFile));
  router.Get("/aanmelden", web.Page(open, &PublicPages::RegisterForm));
  router.Post("/aanmelden", web.Page(open, &PublicPages::Register));
  router.Get("/aanmelden/klaar", web.Page(open, &PublicPages::Registered));

  // Organisers (the pages and commands check the stadsdeel: 403 for others).
  const web::PageOptions signed_in{.require_login = true};
  const std::string base = "/beheer/loting";
  router.Get(base, web.Page(official, &OfficialPages::Overview, signed_in));
  router.Get(base + "/nieuw", web.Page(official, &OfficialPages::NewForm, signed_in));
  router.Post(base + "/nieuw", web.Page(official, &OfficialPages::Create, signed_in));
  router.Get(base + "/{slug}", web.Page(official, &OfficialPages::Manage, signed_in));
  router.Post(base + "/{slug}/uitnodigen", web.Page(official, &OfficialPages::Invite, signed_in));
  router.Get(base + "/{slug}/brieven.pdf", web.Page(official, &OfficialPages::Letters, signed_in));
  router.Post(base + "/{slug}/sluiten", web.Page(official, &OfficialPages::Close, signed_in));
  router.Post(base + "/{slug}/loten", web.Page(official, &OfficialPages::Draw, signed_in));
  router.Post(base + "/{slug}/vervangen", web.Page(official, &OfficialPages::Replace, signed_in));
}

}  // namespace wp::forums
