#include "features/contracts/routes.h"

namespace wp::contracts {

void AddContractRoutes(http::Router& router, const web::Web& web, PublicPages& open, SidePages& sides,
                       OfficialPages& official) {
  // Everyone (a draft answers 404 to all but the two sides).
  router.Get("/wijkcontracten", web.Page(open, &PublicPages::Index, web::kCachedPublicPage));
  router.Get("/wijkcontract/{id}", web.Page(open, &PublicPages::ContractPage, web::kCachedPublicPage));
  router.Get("/wijkcontract/{id}/voortgang", web.Page(open, &PublicPages::ProgressPage));
  router.Get("/wijkcontract/{id}/terugblik", web.Page(open, &PublicPages::ReviewPage));
  router.Get("/wijkcontract/{id}/afspraak/{cid}", web.Page(open, &PublicPages::CommitmentPage));
  router.Get("/wijkcontract/bewijs/{id}", web.Page(open, &PublicPages::Evidence));

  // The two sides: the platform's kernteam and the gebiedsverbinder (the
  // commands check it: 403 for others).
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/wijkplatform/{slug}/wijkcontract/nieuw", web.Page(sides, &SidePages::NewForm, signed_in));
  router.Post("/wijkplatform/{slug}/wijkcontract/nieuw", web.Page(sides, &SidePages::Create, signed_in));
  router.Post("/wijkcontract/{id}/thema", web.Page(sides, &SidePages::AddTheme, signed_in));
  router.Get("/wijkcontract/{id}/afspraak/nieuw", web.Page(sides, &SidePages::CommitmentForm, signed_in));
  router.Post("/wijkcontract/{id}/afspraak/nieuw", web.Page(sides, &SidePages::AddCommitment, signed_in));
  router.Post("/wijkcontract/{id}/goedkeuren", web.Page(sides, &SidePages::Approve, signed_in));
  router.Post("/wijkcontract/{id}/afspraak/{cid}/voortgang", web.Page(sides, &SidePages::Report, signed_in));
  router.Get("/wijkcontract/{id}/afspraak/{cid}/wijzigen", web.Page(sides, &SidePages::AmendForm, signed_in));
  router.Post("/wijkcontract/{id}/afspraak/{cid}/wijzigen", web.Page(sides, &SidePages::Amend, signed_in));
  router.Post("/wijkcontract/{id}/terugblik", web.Page(sides, &SidePages::WriteReview, signed_in));
  router.Post("/wijkcontract/{id}/volgend-jaar", web.Page(sides, &SidePages::NextYear, signed_in));

  // The municipality.
  router.Get("/beheer/wijkcontracten", web.Page(official, &OfficialPages::Overdue, signed_in));
}

}  // namespace wp::contracts
