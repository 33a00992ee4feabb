#include "features/forums/routes.h"

namespace wp::forums {

void AddForumsRoutes(http::Router& router, const web::Web& web, PublicPages& open, OfficialPages& official,
                     WorkspacePages& work) {
  // Everyone: the forums, their published draws, and registration with a code.
  router.Get("/loting", web.Page(open, &PublicPages::Index, web::kCachedPublicPage));
  router.Get("/loting/{slug}", web.Page(open, &PublicPages::ForumPage, web::kCachedPublicPage));
  router.Get("/loting/{slug}/trekking/{id}", web.Page(open, &PublicPages::DrawPage, web::kCachedPublicPage));
  router.Get("/loting/{slug}/trekking/{id}/{file}", web.Page(open, &PublicPages::DrawFile));
  router.Get("/aanmelden", web.Page(open, &PublicPages::RegisterForm));
  router.Post("/aanmelden", web.Page(open, &PublicPages::Register));
  router.Get("/aanmelden/klaar", web.Page(open, &PublicPages::Registered));
  router.Get("/loting/{slug}/agenda/{year}", web.Page(work, &WorkspacePages::Agenda));

  // The workspace: everyone reads; organisers and current members change it
  // (the commands check: 403 for others).
  const web::PageOptions member{.require_login = true};
  const std::string ws = "/loting/{slug}/werkplaats";
  router.Get(ws, web.Page(work, &WorkspacePages::Show));
  router.Get(ws + "/document/{id}", web.Page(work, &WorkspacePages::Document));
  router.Post(ws + "/vergadering", web.Page(work, &WorkspacePages::AddMeeting, member));
  router.Post(ws + "/document", web.Page(work, &WorkspacePages::AddDocument, member));
  router.Post(ws + "/agenda", web.Page(work, &WorkspacePages::AddAgenda, member));
  router.Post(ws + "/agenda/{year}/punt", web.Page(work, &WorkspacePages::AddItem, member));
  router.Post(ws + "/agenda/{year}/besluit", web.Page(work, &WorkspacePages::Decide, member));
  router.Post(ws + "/agenda/{year}/publiceren", web.Page(work, &WorkspacePages::Publish, member));

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
  router.Post(base + "/{slug}/aanvullen", web.Page(official, &OfficialPages::Refill, signed_in));
  router.Get(base + "/{slug}/tweede-loting", web.Page(official, &OfficialPages::SecondForm, signed_in));
  router.Post(base + "/{slug}/tweede-loting", web.Page(official, &OfficialPages::Second, signed_in));
  router.Get(base + "/{slug}/nieuwe-ronde", web.Page(official, &OfficialPages::RoundPage, signed_in));
  router.Post(base + "/{slug}/nieuwe-ronde", web.Page(official, &OfficialPages::OpenRound, signed_in));
  router.Get(base + "/{slug}/ronde/{number}/brieven.pdf", web.Page(official, &OfficialPages::RoundLetters, signed_in));
  router.Post(base + "/{slug}/ronde/sluiten", web.Page(official, &OfficialPages::CloseRound, signed_in));
  router.Post(base + "/{slug}/ronde/loten", web.Page(official, &OfficialPages::RoundDraw, signed_in));
}

}  // namespace wp::forums
