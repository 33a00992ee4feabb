#include "features/surveys/routes.h"

namespace wp::surveys {

void AddSurveyRoutes(http::Router& router, const web::Web& web, PublicPages& p, OfficialPages& o) {
  router.Get("/peilingen", web.Page(p, &PublicPages::Index));
  router.Get("/peilingen/{id}", web.Page(p, &PublicPages::Show));
  router.Post("/peilingen/{id}", web.Page(p, &PublicPages::Answer));
  router.Get("/peilingen/{id}/uitslag", web.Page(p, &PublicPages::Results));
  router.Get("/peilingen/{id}/uitslag.csv", web.Page(p, &PublicPages::Csv));

  // Officials (administrators, gebiedsverbinders): the commands check the role.
  const web::PageOptions in{.require_login = true};
  const std::string b = "/beheer/peilingen/{id}";
  router.Get("/beheer/peilingen", web.Page(o, &OfficialPages::List, in));
  router.Post("/beheer/peilingen", web.Page(o, &OfficialPages::Create, in));
  router.Get(b, web.Page(o, &OfficialPages::Manage, in));
  router.Post(b + "/vragen", web.Page(o, &OfficialPages::AddQuestion, in));
  router.Post(b + "/vragen/{q}/omhoog", web.Page(o, &OfficialPages::MoveUp, in));
  router.Post(b + "/vragen/{q}/omlaag", web.Page(o, &OfficialPages::MoveDown, in));
  router.Post(b + "/vragen/{q}/verwijderen", web.Page(o, &OfficialPages::Remove, in));
  router.Post(b + "/openen", web.Page(o, &OfficialPages::Open, in));
  router.Post(b + "/sluiten", web.Page(o, &OfficialPages::Close, in));
  router.Post(b + "/publiceren", web.Page(o, &OfficialPages::Publish, in));
  router.Post(b + "/brieven", web.Page(o, &OfficialPages::Letters, in));
  router.Post(b + "/panel-codes", web.Page(o, &OfficialPages::PanelCodes, in));
  router.Get(b + "/papier", web.Page(o, &OfficialPages::PaperForm, in));
  router.Post(b + "/papier", web.Page(o, &OfficialPages::Paper, in));
  router.Post(b + "/open-antwoorden/{a}/goed", web.Page(o, &OfficialPages::Accept, in));
  router.Post(b + "/open-antwoorden/{a}/afwijzen", web.Page(o, &OfficialPages::Reject, in));
}

}  // namespace wp::surveys
