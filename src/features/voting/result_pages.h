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

  Result<http::Response> Show(web::Context& ctx);  // GET /wijkbudget/{slug}/uitslag
  // GET /wijkbudget/{slug}/uitslag/stemmen.pb
  Result<http::Response> Download(web::Context& ctx) { return Attachment(ctx, &StoredResult::pabulib, "-stemmen.pb"); }
  // GET /wijkbudget/{slug}/uitslag/telverslag.txt
  Result<http::Response> Report(web::Context& ctx) {
    return Attachment(ctx, &StoredResult::report_text, "-telverslag.txt");
  }

 private:
  Result<http::Response> Attachment(web::Context& ctx, std::string StoredResult::*text, std::string_view suffix);

  const web::Web& web_;
  VotingCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::voting
