#include "features/signals/routes.h"

namespace wp::signals {

void AddSignalRoutes(http::Router& router, const web::Web& web, ResidentPages& resident) {
  router.Get("/meldingen/nieuw", web.Page(resident, &ResidentPages::ReportForm));
  router.Post("/meldingen/nieuw", web.Page(resident, &ResidentPages::Report));
  router.Get("/meldingen/kaart.svg", web.Page(resident, &ResidentPages::PickerMap));
  router.Get("/meldingen/volg/{token}", web.Page(resident, &ResidentPages::Follow));
  router.Post("/meldingen/volg/{token}/tevreden", web.Page(resident, &ResidentPages::Satisfaction));
  router.Post("/meldingen/volg/{token}/heropenen", web.Page(resident, &ResidentPages::Reopen));
  router.Get("/meldingen/bevestigen/{token}", web.Page(resident, &ResidentPages::Verify));
}

}  // namespace wp::signals
