// The funds and sponsors directory for administrators and initiative desk
// staff: the list with a form to add one (/beheer/fondsen), change one
// (/beheer/fondsen/{id}) and remove one. Thread-safe.
#pragma once

#include <vector>

#include "core/web/web.h"
#include "features/offers/commands.h"

namespace wp::offers {

class FundPages {
 public:
  FundPages(const web::Web& web, OfferCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> List(web::Context& ctx);    // GET  /beheer/fondsen
  Result<http::Response> Add(web::Context& ctx);     // POST /beheer/fondsen
  Result<http::Response> Edit(web::Context& ctx);    // GET  /beheer/fondsen/{id}
  Result<http::Response> Save(web::Context& ctx);    // POST /beheer/fondsen/{id}
  Result<http::Response> Remove(web::Context& ctx);  // POST /beheer/fondsen/{id}/verwijderen

 private:
  Result<http::Response> ShowList(web::Context& ctx, const Fund& in, std::vector<FieldError> errors);
  http::Response ShowEdit(web::Context& ctx, const Fund& in, std::vector<FieldError> errors);

  const web::Web& web_;
  OfferCommands& commands_;
};

}  // namespace wp::offers
