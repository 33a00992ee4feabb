#include "features/archive/routes.h"

namespace wp::archive {

void AddArchiveRoutes(http::Router& router, const web::Web& web, PublicPages& open, KeeperPages& keeper,
                      FollowPages& follow) {
  // Everyone: public documents and search (a withdrawn file only for its keepers: 403 otherwise).
  router.Get("/archief", web.Page(open, &PublicPages::Search));
  router.Get("/wijkplatform/{slug}/archief", web.Page(open, &PublicPages::Platform));
  router.Get("/archief/{id}", web.Page(open, &PublicPages::Document));
  router.Get("/archief/{id}/bestand", web.Page(open, &PublicPages::File));

  // The kernteam and officials (the commands check the rights per platform: 403 otherwise).
  const web::PageOptions signed_in{.require_login = true};
  router.Get(kUploadPattern, web.Page(keeper, &KeeperPages::NewForm, signed_in));
  router.Post(kUploadPattern, web.Page(keeper, &KeeperPages::Create, signed_in));
  router.Post("/archief/{id}/intrekken", web.Page(keeper, &KeeperPages::Withdraw, signed_in));

  // Council members.
  const web::PageOptions council{.require_role = auth::Role::kCouncilMember};
  router.Post("/wijkplatform/{slug}/volgen", web.Page(follow, &FollowPages::Follow, council));
  router.Post("/wijkplatform/{slug}/ontvolgen", web.Page(follow, &FollowPages::Unfollow, council));
  router.Get("/mijn/volgen", web.Page(follow, &FollowPages::Following, council));
}

}  // namespace wp::archive
