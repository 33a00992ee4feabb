// Demo content of needs and offers (`serve --demo`): needs on the demo
// resident's public initiative, offers of a resident, an entrepreneur and an
// organisation that match them, a request to get in touch in each state
// (asked, accepted, declined), and local funds. Made through the real
// commands. Does nothing when needs exist or no public initiative of the
// demo resident is there.
#pragma once

#include "core/web/registry.h"
#include "features/offers/commands.h"

namespace wp::offers {

Result<void> LoadOffersDemo(const web::DemoSeed& seed, OfferCommands& commands,
                            initiatives::InitiativeCommands& initiatives, db::Database& db);

}  // namespace wp::offers
