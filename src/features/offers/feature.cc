#include "features/offers/feature.h"

#include "features/offers/demo.h"
#include "features/offers/routes.h"
#include "wp_offers_files.h"

namespace wp::offers {

OfferCommands& RegisterOffers(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              const geography::GeographyService& geography,
                              initiatives::InitiativeCommands& initiatives, const OffersOptions& options) {
  registry.AddFiles("offers", OffersFiles());
  registry.AddMigrations(db::MigrationsFromFiles("offers", OffersFiles()));
  auto& commands = registry.Keep(std::make_unique<OfferCommands>(deps.db, deps.clock, deps.random, deps.zone,
                                                                 deps.web.catalog(), geography, initiatives,
                                                                 options.settings));
  deps.web.AddNav({"/vraag-en-aanbod", "offers.nav.board", std::nullopt, false});
  deps.web.AddNav({"/beheer/fondsen", "offers.nav.funds_admin", auth::Role::kInitiativeDesk, true});
  registry.AddStat({"wp_offers_total", "Offers of residents, entrepreneurs and organisations",
                    [](db::Connection& c) { return OfferStore::CountOffers(c).value_or(0); }});
  registry.AddStat({"wp_offer_needs_total", "Needs of initiatives",
                    [](db::Connection& c) { return OfferStore::CountNeeds(c).value_or(0); }});
  registry.AddDemo("offers", [&commands, &initiatives, &db = deps.db](const web::DemoSeed& seed) {
    return LoadOffersDemo(seed, commands, initiatives, db);
  });
  const web::Web& web = deps.web;
  OfferPages pages{registry.Keep(std::make_unique<PublicPages>(web, commands)),
                   registry.Keep(std::make_unique<InitiatorPages>(web, commands)),
                   registry.Keep(std::make_unique<OffererPages>(web, commands)),
                   registry.Keep(std::make_unique<FundPages>(web, commands))};
  registry.AddRoutes([&web, pages](http::Router& router) { AddOfferRoutes(router, web, pages); });
  return commands;
}

}  // namespace wp::offers
