// RegisterOffers: needs and offers (vraag en aanbod, #15 item 5) and the
// funds and sponsors directory (item 6): initiatives list what they need,
// residents, entrepreneurs and organisations what they offer; the site
// suggests matches and puts people in touch without showing addresses
// until both agree. Builds on the initiatives feature (its InitiatorKey).
#pragma once

#include "core/web/registry.h"
#include "features/geography/service.h"
#include "features/initiatives/commands.h"
#include "features/offers/commands.h"

namespace wp::offers {

struct OffersOptions {
  OffersSettings settings;
};

OfferCommands& RegisterOffers(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              const geography::GeographyService& geography,
                              initiatives::InitiativeCommands& initiatives, const OffersOptions& options);

}  // namespace wp::offers
