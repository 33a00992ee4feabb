// The published result of an edition, for everyone once it is counted:
// winners, charts, the table of all plans, the count report, and the
// anonymous ballots as a Pabulib file to recount
// (/wijkbudget/{slug}/uitslag, .../uitslag/stemmen.pb, and the technical
// report .../uitslag/telverslag.txt). Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/voting/commands.h"

namespace wp::voting {

class ResultPages {
 public:
  ResultPages(const web::Web& web, VotingCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> Show(web::Context& ctx);      // GET /wijkbudget/{slug}/uitslag
  Result<http::Response> Download(web::Context& ctx);  // GET /wijkbudget/{slug}/uitslag/stemmen.pb
  Result<http::Response> Report(web::Context& ctx);    // GET /wijkbudget/{slug}/uitslag/telverslag.txt

 private:
  const web::Web& web_;
  VotingCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::voting
