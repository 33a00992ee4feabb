#include "features/livepolls/routes.h"

namespace wp::livepolls {

void AddLivePollRoutes(http::Router& router, const web::Web& web, PollPages& p, JoinPages& j) {
  // Participants: no account.
  router.Get("/doe-mee", web.Page(j, &JoinPages::Form));
  router.Post("/doe-mee", web.Page(j, &JoinPages::Join));
  router.Get("/doe-mee/{code}", web.Page(j, &JoinPages::Participate));
  router.Post("/doe-mee/{code}", web.Page(j, &JoinPages::Answer));

  // Everyone: a platform's closed polls and their results; the screen's script.
  router.Get("/wijkplatform/{slug}/peilingen", web.Page(p, &PollPages::List));
  router.Get("/peiling/{id}/uitslag", web.Page(p, &PollPages::Results));
  router.Get("/peiling/{id}/uitslag.json", web.Page(p, &PollPages::Json));
  router.Get("/peiling/{id}/uitslag.csv", web.Page(p, &PollPages::Csv));
  router.Get("/peiling/live.js", web.Page(p, &PollPages::Script));

  // Presenters (the commands check CanRunPolls).
  const web::PageOptions signed_in{.require_login = true};
  router.Post("/wijkplatform/{slug}/peilingen", web.Page(p, &PollPages::Create, signed_in));
  router.Get("/peiling/{id}/beheer", web.Page(p, &PollPages::Manage, signed_in));
  router.Post("/peiling/{id}/vragen", web.Page(p, &PollPages::AddQuestion, signed_in));
  router.Post("/peiling/{id}/stap", web.Page(p, &PollPages::Step, signed_in));
  router.Post("/peiling/{id}/antwoorden/{answer}/verbergen", web.Page(p, &PollPages::Hide, signed_in));
  router.Get("/peiling/{id}/scherm", web.Page(p, &PollPages::Screen, signed_in));
}

}  // namespace wp::livepolls
