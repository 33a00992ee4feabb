#include "features/budgets/routes.h"

namespace wp::budgets {

void AddBudgetRoutes(http::Router& router, const web::Web& web, PublicPages& pub, PlanPages& plans,
                     AdminEditionPages& editions, AdminPlanPages& staff) {
  // Everyone; drafts only for their officials.
  router.Get("/wijkbudget", web.Page(pub, &PublicPages::EditionList, web::kCachedPublicPage));
  router.Get("/wijkbudget/{slug}", web.Page(pub, &PublicPages::EditionPage, web::kCachedPublicPage));
  router.Get("/wijkbudget/{slug}/plannen", web.Page(pub, &PublicPages::PlanList, web::kCachedPublicPage));
  router.Get("/wijkbudget/{slug}/plannen/{id}/foto/{name}", [&plans](http::Request& req) { return plans.Photo(req); });

  // Residents (signed in); the commands check submitter, phase and status.
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/wijkbudget/{slug}/plannen/nieuw", web.Page(plans, &PlanPages::NewForm, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/nieuw", web.Page(plans, &PlanPages::Submit, signed_in));
  router.Get("/wijkbudget/{slug}/plannen/{id}", web.Page(plans, &PlanPages::Show));
  router.Get("/wijkbudget/{slug}/plannen/{id}/bewerken", web.Page(plans, &PlanPages::EditForm, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/{id}/bewerken", web.Page(plans, &PlanPages::Edit, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/{id}/intrekken", web.Page(plans, &PlanPages::Withdraw, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/{id}/like", web.Page(plans, &PlanPages::Like, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/{id}/like-intrekken", web.Page(plans, &PlanPages::Unlike, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/{id}/samenvoegen/{merge}",
              web.Page(plans, &PlanPages::AnswerMerge, signed_in));
  router.Post("/wijkbudget/{slug}/plannen/{id}/voortgang", web.Page(plans, &PlanPages::PostProgress, signed_in));

  // Officials (administrators, gebiedsverbinders of the edition's stadsdeel)
  // and, for the plans, municipal experts; checked per edition.
  router.Get("/beheer/wijkbudget", web.Page(editions, &AdminEditionPages::Editions, signed_in));
  router.Get("/beheer/wijkbudget/nieuw", web.Page(editions, &AdminEditionPages::NewForm, signed_in));
  router.Post("/beheer/wijkbudget/nieuw", web.Page(editions, &AdminEditionPages::Create, signed_in));
  router.Get("/beheer/wijkbudget/{slug}", web.Page(editions, &AdminEditionPages::EditForm, signed_in));
  router.Post("/beheer/wijkbudget/{slug}", web.Page(editions, &AdminEditionPages::Update, signed_in));
  router.Get("/beheer/wijkbudget/{slug}/plannen", web.Page(staff, &AdminPlanPages::PlanList, signed_in));
  router.Get("/beheer/wijkbudget/{slug}/plannen/{id}", web.Page(staff, &AdminPlanPages::PlanPage, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/terugsturen",
              web.Page(staff, &AdminPlanPages::SendBack, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/samenvoegen",
              web.Page(staff, &AdminPlanPages::ProposeMerge, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/beoordelen", web.Page(staff, &AdminPlanPages::Review, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/plannen/{id}/mijlpaal",
              web.Page(staff, &AdminPlanPages::AddMilestone, signed_in));
}

}  // namespace wp::budgets
