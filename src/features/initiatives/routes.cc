#include "features/initiatives/routes.h"

namespace wp::initiatives {

void AddInitiativeRoutes(http::Router& router, const web::Web& web, ResidentPages& resident, DeskPages& desk,
                         PublicPages& open) {
  router.Get("/initiatieven", web.Page(open, &PublicPages::Overview, web::kCachedPublicPage));
  router.Get("/initiatieven/nieuw", web.Page(resident, &ResidentPages::NewForm));
  router.Post("/initiatieven/nieuw", web.Page(resident, &ResidentPages::Create));
  router.Get("/initiatieven/wijk/{code}", web.Page(open, &PublicPages::District, web::kCachedPublicPage));
  router.Get("/initiatieven/{id}", web.Page(open, &PublicPages::Show, web::kCachedPublicPage));
  router.Get("/initiatieven/{id}/foto/{file}", web.Page(open, &PublicPages::Photo));

  // The initiator: with the private link, or signed in with the account
  // that submitted it (the commands check that it is theirs).
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/initiatieven/mijn", web.Page(resident, &ResidentPages::Mine, signed_in));
  router.Post("/initiatieven/uit-wijkbudget/{plan}", web.Page(resident, &ResidentPages::FromPlan, signed_in));
  const std::pair<std::string, web::PageOptions> bases[] = {{"/initiatieven/volg/{token}", {}},
                                                            {"/initiatieven/mijn/{id}", signed_in}};
  for (const auto& [b, options] : bases) {
    router.Get(b, web.Page(resident, &ResidentPages::Show, options));
    router.Post(b + "/concept", web.Page(resident, &ResidentPages::SaveDraft, options));
    router.Post(b + "/intrekken", web.Page(resident, &ResidentPages::Withdraw, options));
    router.Post(b + "/voortgang", web.Page(resident, &ResidentPages::Progress, options));
    router.Post(b + "/bericht", web.Page(resident, &ResidentPages::PostUpdate, options));
    router.Post(b + "/voorwaarde/{condition}", web.Page(resident, &ResidentPages::ConditionMet, options));
    router.Post(b + "/bestanden", web.Page(resident, &ResidentPages::AddFiles, options));
    router.Post(b + "/bestand/{file}/verwijderen", web.Page(resident, &ResidentPages::RemoveFile, options));
    router.Get(b + "/bestand/{file}", web.Page(resident, &ResidentPages::File, options));
    router.Post(b + "/subsidie", web.Page(resident, &ResidentPages::ApplySubsidy, options));
    router.Post(b + "/subsidie/{subsidy}/intrekken", web.Page(resident, &ResidentPages::WithdrawSubsidy, options));
    router.Post(b + "/subsidie/{subsidy}/verantwoording", web.Page(resident, &ResidentPages::ReportSubsidy, options));
  }

  // Desk staff, contact persons and departments; the commands check the
  // relation to each initiative.
  router.Get("/beheer/initiatieven", web.Page(desk, &DeskPages::List, signed_in));
  router.Get("/beheer/initiatieven/{id}", web.Page(desk, &DeskPages::Show, signed_in));
  router.Post("/beheer/initiatieven/{id}/contactpersoon", web.Page(desk, &DeskPages::Contact, signed_in));
  router.Post("/beheer/initiatieven/{id}/toets", web.Page(desk, &DeskPages::StartCheck, signed_in));
  router.Post("/beheer/initiatieven/{id}/taak", web.Page(desk, &DeskPages::AddTask, signed_in));
  router.Post("/beheer/initiatieven/{id}/taak/{task}", web.Page(desk, &DeskPages::AnswerTask, signed_in));
  router.Post("/beheer/initiatieven/{id}/besluit", web.Page(desk, &DeskPages::Answer, signed_in));
  router.Post("/beheer/initiatieven/{id}/voorwaarde/{condition}", web.Page(desk, &DeskPages::SetCondition, signed_in));
  router.Get("/beheer/initiatieven/{id}/bestand/{file}", web.Page(desk, &DeskPages::File, signed_in));
  const std::string subsidy = "/beheer/initiatieven/{id}/subsidie/{subsidy}";
  router.Post(subsidy + "/besluit", web.Page(desk, &DeskPages::DecideSubsidy, signed_in));
  router.Post(subsidy + "/betaald", web.Page(desk, &DeskPages::PaySubsidy, signed_in));
  router.Post(subsidy + "/vaststellen", web.Page(desk, &DeskPages::SettleSubsidy, signed_in));
}

}  // namespace wp::initiatives
