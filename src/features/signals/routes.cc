#include "features/signals/routes.h"

namespace wp::signals {

void AddSignalRoutes(http::Router& router, const web::Web& web, const SignalPages& pages) {
  auto& [resident, staff, open, admin, api, trends] = pages;
  router.Get("/meldingen/nieuw", web.Page(resident, &ResidentPages::ReportForm));
  router.Post("/meldingen/nieuw", web.Page(resident, &ResidentPages::Report));
  router.Get("/meldingen/kaart.svg", web.Page(resident, &ResidentPages::PickerMap));
  router.Get("/meldingen/volg/{token}", web.Page(resident, &ResidentPages::Follow));
  router.Post("/meldingen/volg/{token}/tevreden", web.Page(resident, &ResidentPages::Satisfaction));
  router.Post("/meldingen/volg/{token}/heropenen", web.Page(resident, &ResidentPages::Reopen));
  router.Get("/meldingen/bevestigen/{token}", web.Page(resident, &ResidentPages::ConfirmForm));
  router.Post("/meldingen/bevestigen/{token}", web.Page(resident, &ResidentPages::Verify));
  router.Get("/meldingen", web.Page(open, &PublicPages::Overview, web::kCachedPublicPage));
  router.Get("/meldingen/wijk/{code}", web.Page(open, &PublicPages::District));
  router.Get("/meldingen/foto/{id}", web.Page(open, &PublicPages::Photo));
  router.Get("/meldingen/{id}", web.Page(open, &PublicPages::Show));

  // Staff with a handling grant and administrators; the pages check the
  // grant, the commands the scope of each signal.
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/beheer/meldingen", web.Page(staff, &StaffPages::Queue, signed_in));
  router.Get("/beheer/meldingen/foto/{id}", web.Page(staff, &StaffPages::Photo, signed_in));
  router.Get("/beheer/meldingen/{id}", web.Page(staff, &StaffPages::Show, signed_in));
  router.Post("/beheer/meldingen/{id}/status", web.Page(staff, &StaffPages::ChangeStatus, signed_in));
  router.Post("/beheer/meldingen/{id}/notitie", web.Page(staff, &StaffPages::AddNote, signed_in));
  router.Post("/beheer/meldingen/{id}/bericht", web.Page(staff, &StaffPages::Message, signed_in));
  router.Post("/beheer/meldingen/{id}/toewijzen", web.Page(staff, &StaffPages::Assign, signed_in));
  router.Post("/beheer/meldingen/{id}/samenvoegen", web.Page(staff, &StaffPages::Merge, signed_in));
  router.Post("/beheer/meldingen/{id}/doorsturen", web.Page(staff, &StaffPages::Forward, signed_in));

  // The kernteam's trends of its area; the page checks the grant.
  router.Get("/wijkplatform/{slug}/meldingen/trends", web.Page(trends, &TrendsPages::Show, signed_in));

  const web::PageOptions administrators{.require_role = auth::Role::kAdministrator};
  router.Get("/beheer/meldingen/onderwerpen", web.Page(admin, &AdminPages::Categories, administrators));
  router.Post("/beheer/meldingen/onderwerpen", web.Page(admin, &AdminPages::SaveCategory, administrators));
  router.Get("/beheer/meldingen/onderwerpen/{id}", web.Page(admin, &AdminPages::EditCategory, administrators));
  router.Post("/beheer/meldingen/onderwerpen/{id}", web.Page(admin, &AdminPages::SaveCategory, administrators));
  router.Get("/beheer/meldingen/onderwerpen/{id}/vragen", web.Page(admin, &AdminPages::Questions, administrators));
  router.Post("/beheer/meldingen/onderwerpen/{id}/vragen", web.Page(admin, &AdminPages::SaveQuestion, administrators));
  router.Post("/beheer/meldingen/afdelingen", web.Page(admin, &AdminPages::SaveDepartment, administrators));

  // Open311 GeoReport v2: machine clients, no session; posting needs an API key.
  const web::PageOptions machines{.check_csrf = false};
  router.Get("/open311/v2/{resource}", web.Page(api, &Open311Api::Resource, machines));
  router.Post("/open311/v2/{resource}", web.Page(api, &Open311Api::PostRequest, machines));
  router.Get("/open311/v2/services/{code}", web.Page(api, &Open311Api::Service, machines));
  router.Get("/open311/v2/requests/{id}", web.Page(api, &Open311Api::Request, machines));
  router.Get("/open311/v2/tokens/{token}", web.Page(api, &Open311Api::Token, machines));
  router.Get("/api/openapi.json", web.Page(api, &Open311Api::OpenApi, machines));
}

}  // namespace wp::signals
