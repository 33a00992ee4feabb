// Pages for an initiative's initiator: the needs of their initiative (add,
// change, close), the offers that match each need with a form to ask for
// contact, and their requests. Reached with the initiative's private link
// (/vraag-en-aanbod/initiatieven/volg/{token}) or, signed in, by
// /vraag-en-aanbod/initiatieven/mijn/{id}; the initiatives feature decides
// whether the key opens the initiative. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/offers/commands.h"

namespace wp::offers {

class InitiatorPages {
 public:
  InitiatorPages(const web::Web& web, OfferCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Show(web::Context& ctx);       // GET  {base}
  Result<http::Response> AddNeed(web::Context& ctx);    // POST {base}/vraag
  Result<http::Response> EditNeed(web::Context& ctx);   // GET  {base}/vraag/{need}
  Result<http::Response> SaveNeed(web::Context& ctx);   // POST {base}/vraag/{need}
  Result<http::Response> CloseNeed(web::Context& ctx);  // POST {base}/vraag/{need}/sluiten
  Result<http::Response> Ask(web::Context& ctx);        // POST {base}/vraag/{need}/contact/{offer} (message)

 private:
  http::Response ShowPage(web::Context& ctx, const InitiatorNeeds& view, const NeedInput& in,
                          const std::string& until, std::vector<FieldError> errors, int status);
  http::Response ShowEdit(web::Context& ctx, int64_t need_id, const NeedInput& in, const std::string& until,
                          std::vector<FieldError> errors);
  // After an action: back to the page, or the page again with the errors.
  Result<http::Response> After(web::Context& ctx, const Error* error, const char* flash_key);

  const web::Web& web_;
  OfferCommands& commands_;
};

// The initiative a request names: its private link, or the signed-in initiator and the id.
Result<initiatives::InitiatorKey> InitiatorKeyOf(const web::Context& ctx);
// "/vraag-en-aanbod/initiatieven/volg/<token>" or "/vraag-en-aanbod/initiatieven/mijn/<id>".
std::string InitiatorBase(const initiatives::InitiatorKey& key);
// The need fields of a form.
NeedInput ReadNeed(const web::Context& ctx);
// The fields of the need form (kind, text, themes, amount, until) into `data`.
void NeedForm(const web::Context& ctx, const NeedInput& in, const std::string& until,
              const std::vector<FieldError>& errors, nlohmann::json& data);

}  // namespace wp::offers
