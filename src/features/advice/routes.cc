#include "features/advice/routes.h"

namespace wp::advice {

void AddAdviceRoutes(http::Router& router, const web::Web& web, PublicPages& open, KernteamPages& kernteam,
                     OfficialPages& official) {
  // Everyone (the pages answer 404 for drafts and confidential requests
  // the visitor may not read).
  router.Get("/advies", web.Page(open, &PublicPages::Index));
  router.Get("/advies/aanvraag/{id}", web.Page(open, &PublicPages::Request));
  router.Get("/advies/{id}", web.Page(open, &PublicPages::Advice));
  router.Get("/wijkplatform/{slug}/advies", web.Page(open, &PublicPages::Platform));

  // The kernteam of the platform (the pages check it: 403 for others).
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/wijkplatform/{slug}/advies/nieuw", web.Page(kernteam, &KernteamPages::NewForm, signed_in));
  router.Post("/wijkplatform/{slug}/advies/nieuw", web.Page(kernteam, &KernteamPages::Create, signed_in));
  router.Post("/wijkplatform/{slug}/advies/{id}/indienen", web.Page(kernteam, &KernteamPages::Submit, signed_in));

  // Officials (the pages and commands check the rights per platform).
  const std::string base = "/beheer/advies";
  router.Get(base, web.Page(official, &OfficialPages::Overview, signed_in));
  router.Get(base + "/aanvraag/nieuw", web.Page(official, &OfficialPages::NewRequest, signed_in));
  router.Post(base + "/aanvraag/nieuw", web.Page(official, &OfficialPages::CreateRequest, signed_in));
  router.Post(base + "/aanvraag/{id}/versturen", web.Page(official, &OfficialPages::Send, signed_in));
  router.Post(base + "/aanvraag/{id}/intrekken", web.Page(official, &OfficialPages::Withdraw, signed_in));
  router.Post(base + "/aanvraag/{id}/sluiten", web.Page(official, &OfficialPages::Close, signed_in));
  router.Get(base + "/{id}/antwoord", web.Page(official, &OfficialPages::AnswerForm, signed_in));
  router.Post(base + "/{id}/antwoord", web.Page(official, &OfficialPages::Answer, signed_in));
}

}  // namespace wp::advice
