#include "features/offers/routes.h"

namespace wp::offers {

void AddOfferRoutes(http::Router& router, const web::Web& web, const OfferPages& p) {
  router.Get("/vraag-en-aanbod", web.Page(p.open, &PublicPages::Board));
  router.Get("/vraag-en-aanbod/fondsen", web.Page(p.open, &PublicPages::Funds));
  router.Get("/vraag-en-aanbod/initiatief/{id}", web.Page(p.open, &PublicPages::Initiative));

  // The initiator: the initiative's private link, or signed in with the
  // account that submitted it (the initiatives feature checks that it is theirs).
  const web::PageOptions signed_in{.require_login = true};
  const std::pair<std::string, web::PageOptions> bases[] = {{"/vraag-en-aanbod/initiatieven/volg/{token}", {}},
                                                            {"/vraag-en-aanbod/initiatieven/mijn/{id}", signed_in}};
  for (const auto& [b, options] : bases) {
    router.Get(b, web.Page(p.initiator, &InitiatorPages::Show, options));
    router.Post(b + "/vraag", web.Page(p.initiator, &InitiatorPages::AddNeed, options));
    router.Get(b + "/vraag/{need}", web.Page(p.initiator, &InitiatorPages::EditNeed, options));
    router.Post(b + "/vraag/{need}", web.Page(p.initiator, &InitiatorPages::SaveNeed, options));
    router.Post(b + "/vraag/{need}/sluiten", web.Page(p.initiator, &InitiatorPages::CloseNeed, options));
    router.Post(b + "/vraag/{need}/contact/{offer}", web.Page(p.initiator, &InitiatorPages::Ask, options));
  }

  // Offerers (with or without an account) and their private link.
  router.Get("/vraag-en-aanbod/aanbod/nieuw", web.Page(p.offerer, &OffererPages::NewForm));
  router.Post("/vraag-en-aanbod/aanbod/nieuw", web.Page(p.offerer, &OffererPages::Create));
  router.Get("/vraag-en-aanbod/aanbod/beheer/{token}", web.Page(p.offerer, &OffererPages::Show));
  router.Post("/vraag-en-aanbod/aanbod/beheer/{token}/intrekken", web.Page(p.offerer, &OffererPages::Withdraw));
  router.Post("/vraag-en-aanbod/aanbod/beheer/{token}/contact/{need}", web.Page(p.offerer, &OffererPages::Ask));

  // The side that is asked to get in touch: the link in its mail.
  router.Get("/vraag-en-aanbod/contact/{token}", web.Page(p.offerer, &OffererPages::Contact));
  router.Post("/vraag-en-aanbod/contact/{token}/ja", web.Page(p.offerer, &OffererPages::Accept));
  router.Post("/vraag-en-aanbod/contact/{token}/nee", web.Page(p.offerer, &OffererPages::Decline));

  // The funds directory: administrators and desk staff (the commands check the role).
  router.Get("/beheer/fondsen", web.Page(p.funds, &FundPages::List, signed_in));
  router.Post("/beheer/fondsen", web.Page(p.funds, &FundPages::Add, signed_in));
  router.Get("/beheer/fondsen/{id}", web.Page(p.funds, &FundPages::Edit, signed_in));
  router.Post("/beheer/fondsen/{id}", web.Page(p.funds, &FundPages::Save, signed_in));
  router.Post("/beheer/fondsen/{id}/verwijderen", web.Page(p.funds, &FundPages::Remove, signed_in));
}

}  // namespace wp::offers
