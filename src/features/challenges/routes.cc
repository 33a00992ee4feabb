#include "features/challenges/routes.h"

namespace wp::challenges {

void AddChallengeRoutes(http::Router& router, const web::Web& web, PublicPages& open, GroupPages& group,
                        OfficialPages& official, OverviewPage& overview) {
  // Everyone.
  router.Get("/uitdaagrecht", web.Page(open, &PublicPages::Index, web::kCachedPublicPage));
  router.Get("/uitdaagrecht/{id}", web.Page(open, &PublicPages::Show, web::kCachedPublicPage));
  router.Get("/uitdaagrecht/{id}/overeenkomst.pdf", web.Page(open, &PublicPages::Agreement));

  // Signed-in residents; the business case and reports only for the contact
  // person (and officials for the business case): the commands check it.
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/uitdaagrecht/nieuw", web.Page(group, &GroupPages::NewForm, signed_in));
  router.Post("/uitdaagrecht/nieuw", web.Page(group, &GroupPages::Create, signed_in));
  router.Get("/uitdaagrecht/{id}/businesscase", web.Page(group, &GroupPages::CaseForm, signed_in));
  router.Post("/uitdaagrecht/{id}/businesscase", web.Page(group, &GroupPages::SaveCase, signed_in));
  router.Post("/uitdaagrecht/{id}/rapportage", web.Page(group, &GroupPages::Report, signed_in));

  // Officials of the challenge's stadsdeel (the commands check it).
  router.Post("/uitdaagrecht/{id}/toets", web.Page(official, &OfficialPages::Check, signed_in));
  router.Post("/uitdaagrecht/{id}/besluit", web.Page(official, &OfficialPages::Decide, signed_in));
  // Officials only (the commands check it): every challenge and its next step.
  router.Get(kOverviewPath, web.Page(overview, &OverviewPage::Show, signed_in));
}

}  // namespace wp::challenges
