#include "features/voting/routes.h"

namespace wp::voting {

void AddVotingRoutes(http::Router& router, const web::Web& web, BallotPages& ballots, OfficialPages& officials,
                     ResultPages& results) {
  // Anyone with a voting code (no account needed).
  const std::string vote = "/wijkbudget/{slug}/stemmen";
  router.Get(vote, web.Page(ballots, &BallotPages::Start));
  router.Post(vote, web.Page(ballots, &BallotPages::Choose));
  router.Post(vote + "/kiezen", web.Page(ballots, &BallotPages::Choose));
  router.Post(vote + "/controleren", web.Page(ballots, &BallotPages::Review));
  router.Post(vote + "/versturen", web.Page(ballots, &BallotPages::Submit));
  router.Get(vote + "/ontvangen", web.Page(ballots, &BallotPages::Receipt));

  // Signed-in users; the pages let through the edition's managers and answer
  // 403 to everyone else.
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/beheer/wijkbudget/{slug}/papier", web.Page(officials, &OfficialPages::ShowPaper, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/papier", web.Page(officials, &OfficialPages::EnterPaper, signed_in));
  router.Get("/beheer/wijkbudget/{slug}/telling", web.Page(officials, &OfficialPages::ShowCount, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/telling", web.Page(officials, &OfficialPages::Count, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/telling/verzoeken/{id}/bevestigen",
              web.Page(officials, &OfficialPages::Confirm, signed_in));
  router.Post("/beheer/wijkbudget/{slug}/telling/verzoeken/{id}/afwijzen",
              web.Page(officials, &OfficialPages::Reject, signed_in));

  // Everyone, once the edition is counted (404 before).
  router.Get("/wijkbudget/{slug}/uitslag", web.Page(results, &ResultPages::Show));
  router.Get("/wijkbudget/{slug}/uitslag/stemmen.pb", web.Page(results, &ResultPages::Download));
  router.Get("/wijkbudget/{slug}/uitslag/telverslag.txt", web.Page(results, &ResultPages::Report));
}

}  // namespace wp::voting
