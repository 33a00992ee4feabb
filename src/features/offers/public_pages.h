// Public pages: the board of needs and offers with suggested matches,
// filtered by kind and wijk with a plain GET form (/vraag-en-aanbod), the
// needs of one public initiative with the offers that match
// (/vraag-en-aanbod/initiatief/{id}), and the funds and sponsors directory
// (/vraag-en-aanbod/fondsen). Names of offerers are shown; addresses never.
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/offers/commands.h"

namespace wp::offers {

class PublicPages {
 public:
  PublicPages(const web::Web& web, OfferCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Board(web::Context& ctx);       // GET /vraag-en-aanbod[?soort=&wijk=]
  Result<http::Response> Initiative(web::Context& ctx);  // GET /vraag-en-aanbod/initiatief/{id}
  Result<http::Response> Funds(web::Context& ctx);       // GET /vraag-en-aanbod/fondsen

 private:
  const web::Web& web_;
  OfferCommands& commands_;
};

}  // namespace wp::offers
