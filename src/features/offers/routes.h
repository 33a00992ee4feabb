// Every URL of the needs and offers feature, with who may open it.
#pragma once

#include "core/http/router.h"
#include "core/web/web.h"
#include "features/offers/fund_pages.h"
#include "features/offers/initiator_pages.h"
#include "features/offers/offerer_pages.h"
#include "features/offers/public_pages.h"

namespace wp::offers {

struct OfferPages {
  PublicPages& open;
  InitiatorPages& initiator;
  OffererPages& offerer;
  FundPages& funds;
};

void AddOfferRoutes(http::Router& router, const web::Web& web, const OfferPages& pages);

}  // namespace wp::offers
