#include "features/talks/routes.h"

namespace wp::talks {

void AddTalkRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official) {
  // Everyone: the rounds and the meetings (drafts only for the kernteam and the officials).
  router.Get("/gesprekken", web.Page(open, &PublicPages::Index));
  router.Get("/gesprekken/{id}", web.Page(open, &PublicPages::Meeting));

  // The kernteam and the officials (the command checks the rights per platform: 403 otherwise).
  const web::PageOptions signed_in{.require_login = true};
  router.Post("/gesprekken/{id}/agenda", web.Page(open, &PublicPages::Propose, signed_in));

  // Officials (the pages and commands check the rights per stadsdeel).
  router.Get("/beheer/gesprekken", web.Page(official, &OfficialPages::Overview, signed_in));
  router.Post("/beheer/gesprekken", web.Page(official, &OfficialPages::PlanRound, signed_in));
  router.Get("/beheer/gesprekken/{id}/plannen", web.Page(official, &OfficialPages::ScheduleForm, signed_in));
  router.Post("/beheer/gesprekken/{id}/plannen", web.Page(official, &OfficialPages::Schedule, signed_in));
  router.Get("/beheer/gesprekken/{id}/verslag", web.Page(official, &OfficialPages::Record, signed_in));
  router.Post("/beheer/gesprekken/{id}/verslag", web.Page(official, &OfficialPages::SaveMinutes, signed_in));
  router.Post("/beheer/gesprekken/{id}/afspraken", web.Page(official, &OfficialPages::AddAgreement, signed_in));
  router.Post("/beheer/gesprekken/{id}/afspraken/{agreement}/verwijderen",
              web.Page(official, &OfficialPages::RemoveAgreement, signed_in));
  router.Post("/beheer/gesprekken/{id}/gehouden", web.Page(official, &OfficialPages::MarkHeld, signed_in));
  router.Post("/beheer/gesprekken/{id}/afgelasten", web.Page(official, &OfficialPages::Cancel, signed_in));
  router.Post("/beheer/gesprekken/{id}/sluiten", web.Page(official, &OfficialPages::Close, signed_in));
}

}  // namespace wp::talks
