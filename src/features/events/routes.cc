#include "features/events/routes.h"

namespace wp::events {

void AddEventRoutes(http::Router& router, const web::Web& web, AgendaPages& agenda, EventPages& event,
                    KernteamPages& kernteam) {
  router.Get("/wijkplatform/{slug}/agenda", web.Page(agenda, &AgendaPages::Agenda, web::kCachedPublicPage));
  router.Get("/wijkplatform/{slug}/agenda.ics", web.Page(agenda, &AgendaPages::PlatformCalendar));
  router.Get("/wijk/{code}/agenda.ics", web.Page(agenda, &AgendaPages::DistrictCalendar));

  // Anyone registers; the cancel link works without signing in (the secret
  // token in the path is the proof).
  router.Get("/activiteit/{id}", web.Page(event, &EventPages::Show, web::kCachedPublicPage));
  router.Post("/activiteit/{id}/aanmelden", web.Page(event, &EventPages::Register));
  router.Post("/activiteit/{id}/afmelden", web.Page(event, &EventPages::CancelMine, {.require_login = true}));
  router.Get("/activiteit/afmelden/{token}", web.Page(event, &EventPages::CancelLink));
  router.Post("/activiteit/afmelden/{token}", web.Page(event, &EventPages::CancelByLink));

  // The kernteam of the platform (the pages check it: 403 for others).
  const web::PageOptions signed_in{.require_login = true};
  const std::string admin = "/wijkplatform/{slug}/beheer/activiteiten";
  router.Get(admin, web.Page(kernteam, &KernteamPages::List, signed_in));
  router.Get(admin + "/nieuw", web.Page(kernteam, &KernteamPages::NewForm, signed_in));
  router.Post(admin + "/nieuw", web.Page(kernteam, &KernteamPages::Create, signed_in));
  router.Get(admin + "/{id}", web.Page(kernteam, &KernteamPages::Edit, signed_in));
  router.Post(admin + "/{id}", web.Page(kernteam, &KernteamPages::Update, signed_in));
  router.Post(admin + "/{id}/publiceren", web.Page(kernteam, &KernteamPages::Publish, signed_in));
  router.Post(admin + "/{id}/annuleren", web.Page(kernteam, &KernteamPages::Cancel, signed_in));
}

}  // namespace wp::events
