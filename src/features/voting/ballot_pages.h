// The resident's online voting steps under /wijkbudget/{slug}/stemmen: the
// code, choosing plans (with a running total that needs no JavaScript), the
// review, casting the ballot and the receipt. Anyone with a code; every
// handler is a named function of the request context. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/voting/commands.h"

namespace wp::voting {

class BallotPages {
 public:
  BallotPages(const web::Web& web, VotingCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  // GET .../stemmen[?code=]: the code form; from the QR link the code moves
  // into a 10-minute cookie and the browser goes to the address without it.
  Result<http::Response> Start(web::Context& ctx);
  // POST .../stemmen and .../stemmen/kiezen: checks the code and shows the
  // plans (the stored ballot ticked when the code voted before; the form's
  // choice with its problems when recalculating).
  Result<http::Response> Choose(web::Context& ctx);
  Result<http::Response> Review(web::Context& ctx);   // POST .../stemmen/controleren
  Result<http::Response> Submit(web::Context& ctx);   // POST .../stemmen/versturen
  Result<http::Response> Receipt(web::Context& ctx);  // GET  .../stemmen/ontvangen

 private:
  // The code form, with the refusal of a code (nullptr: none).
  http::Response ShowCode(web::Context& ctx, const budgets::Edition& e, const std::string& code, const Error* error);
  // The plans with `chosen` ticked; `errors` are the ballot's problems.
  Result<http::Response> ShowChoose(web::Context& ctx, const budgets::Edition& e, const std::string& code,
                                    const std::vector<int64_t>& chosen, bool voted_before,
                                    const std::vector<FieldError>& errors, int status);
  // A refused code: the code form again for a refusal about the code (the
  // code kept only when it may be a typing error), any other error as is.
  Result<http::Response> CodeRefused(web::Context& ctx, const budgets::Edition& e, const std::string& code,
                                     const Error& error);

  const web::Web& web_;
  VotingCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::voting
