// Pages for people who offer something and for the side that is asked to
// get in touch: the offer form (with or without an account), the receipt
// with the private link, the offerer's page (/vraag-en-aanbod/aanbod/beheer/
// {token}: state, matching needs with a form to ask for contact, requests,
// withdraw), and the answer page of a request (/vraag-en-aanbod/contact/
// {token}: accept or decline; no address is shown anywhere). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/offers/commands.h"

namespace wp::offers {

class OffererPages {
 public:
  OffererPages(const web::Web& web, OfferCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> NewForm(web::Context& ctx);  // GET  /vraag-en-aanbod/aanbod/nieuw
  Result<http::Response> Create(web::Context& ctx);   // POST /vraag-en-aanbod/aanbod/nieuw
  Result<http::Response> Show(web::Context& ctx);     // GET  /vraag-en-aanbod/aanbod/beheer/{token}
  Result<http::Response> Withdraw(web::Context& ctx); // POST .../intrekken
  Result<http::Response> Ask(web::Context& ctx);      // POST .../contact/{need} (message)
  Result<http::Response> Contact(web::Context& ctx);  // GET  /vraag-en-aanbod/contact/{token}
  Result<http::Response> Accept(web::Context& ctx);   // POST /vraag-en-aanbod/contact/{token}/ja
  Result<http::Response> Decline(web::Context& ctx);  // POST /vraag-en-aanbod/contact/{token}/nee

 private:
  http::Response ShowForm(web::Context& ctx, const OfferInput& in, const std::string& until,
                          std::vector<FieldError> errors, int status);
  http::Response ShowOfferer(web::Context& ctx, const OffererView& v, std::vector<FieldError> errors, int status);
  Result<http::Response> AnswerWith(web::Context& ctx, bool accept);

  const web::Web& web_;
  OfferCommands& commands_;
};

}  // namespace wp::offers
