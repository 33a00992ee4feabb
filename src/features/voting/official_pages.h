// The officials' voting pages of an edition: entering paper ballots
// (/beheer/wijkbudget/{slug}/papier) and the count with its turnout
// (/beheer/wijkbudget/{slug}/telling). The edition's managers only
// (VotingCommands::Require answers 403 to everyone else). A paper ballot and
// the count wait for a second official (issue #11 item 4): the count page
// lists what waits, with confirm and reject, and the audit log. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/codes/four_eyes.h"
#include "features/voting/commands.h"

namespace wp::voting {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, VotingCommands& commands, codes::FourEyes& four_eyes, const time::TimeZone& zone)
      : web_(web), commands_(commands), four_eyes_(four_eyes), zone_(zone) {}

  Result<http::Response> ShowPaper(web::Context& ctx);   // GET  .../papier
  Result<http::Response> EnterPaper(web::Context& ctx);  // POST .../papier
  Result<http::Response> ShowCount(web::Context& ctx);   // GET  .../telling
  Result<http::Response> Count(web::Context& ctx);       // POST .../telling
  Result<http::Response> Confirm(web::Context& ctx);     // POST .../telling/verzoeken/{id}/bevestigen
  Result<http::Response> Reject(web::Context& ctx);      // POST .../telling/verzoeken/{id}/afwijzen

 private:
  // The paper ballot form, with the refusal of the last one (nullptr: none).
  Result<http::Response> ShowPaperForm(web::Context& ctx, const budgets::Edition& e, const std::string& code,
                                       const std::vector<int64_t>& chosen, const Error* error);

  const web::Web& web_;
  VotingCommands& commands_;
  codes::FourEyes& four_eyes_;
  const time::TimeZone& zone_;
};

}  // namespace wp::voting
