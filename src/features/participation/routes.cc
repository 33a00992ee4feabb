#include "features/participation/routes.h"

namespace wp::participation {

void AddParticipationRoutes(http::Router& router, const web::Web& web, PublicPages& open, PlatformPages& platform,
                            OfficialPages& official) {
  // Everyone: the calendar is public.
  router.Get("/participatie", web.Page(open, &PublicPages::Calendar));
  router.Get("/participatie/{id}", web.Page(open, &PublicPages::Project));
  router.Get("/wijkplatform/{slug}/participatie", web.Page(platform, &PlatformPages::Show));

  // The platform's kernteam (checked by the command: 403 otherwise).
  const web::PageOptions signed_in{.require_login = true};
  router.Post("/wijkplatform/{slug}/participatie/aanmelden", web.Page(platform, &PlatformPages::Subscribe, signed_in));
  router.Post("/wijkplatform/{slug}/participatie/afmelden", web.Page(platform, &PlatformPages::Unsubscribe, signed_in));

  // Officials (the pages and commands check the rights per project: 403 otherwise).
  router.Get("/beheer/participatie", web.Page(official, &OfficialPages::Overview, signed_in));
  router.Get("/beheer/participatie/nieuw", web.Page(official, &OfficialPages::NewForm, signed_in));
  router.Post("/beheer/participatie/nieuw", web.Page(official, &OfficialPages::Create, signed_in));
  router.Get("/participatie/{id}/wijzigen", web.Page(official, &OfficialPages::EditForm, signed_in));
  router.Post("/participatie/{id}/wijzigen", web.Page(official, &OfficialPages::Edit, signed_in));
  router.Post("/participatie/{id}/status", web.Page(official, &OfficialPages::ChangeStatus, signed_in));
}

}  // namespace wp::participation
