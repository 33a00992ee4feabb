#include "features/codes/routes.h"

namespace wp::codes {

void AddCodeRoutes(http::Router& router, const web::Web& web, OverviewPages& overview, RunPages& runs,
                   LetterPages& letters) {
  // Signed-in users only; the pages let through the edition's managers
  // (administrators and the gebiedsverbinder of its stadsdeel) and answer
  // 403 to everyone else.
  const web::PageOptions signed_in{.require_login = true};
  const std::string base = "/beheer/wijkbudget/{slug}/stemcodes";
  router.Get(base, web.Page(overview, &OverviewPages::Show, signed_in));
  router.Post(base + "/adressen", web.Page(overview, &OverviewPages::ImportAddresses, signed_in));
  router.Get(base + "/adressen/{id}", web.Page(overview, &OverviewPages::ImportReport, signed_in));
  router.Post(base + "/wissen", web.Page(overview, &OverviewPages::EraseAddresses, signed_in));

  router.Post(base + "/maken", web.Page(runs, &RunPages::Generate, signed_in));
  router.Get(base + "/runs/{id}", web.Page(runs, &RunPages::Show, signed_in));
  // The print officer's (issue #11 item 3).
  router.Get(base + "/drukwerk", web.Page(runs, &RunPages::PrintFiles, signed_in));
  router.Get(base + "/bestanden/{name}", web.Page(runs, &RunPages::Download, signed_in));
  router.Post(base + "/bestanden/verwijderen", web.Page(runs, &RunPages::DeleteFiles, signed_in));

  router.Get(base + "/brief", web.Page(letters, &LetterPages::Find, signed_in));
  router.Get(base + "/brief/{number}", web.Page(letters, &LetterPages::Show, signed_in));
  router.Post(base + "/brief/{number}/opnieuw", web.Page(letters, &LetterPages::Reissue, signed_in));
}

}  // namespace wp::codes
