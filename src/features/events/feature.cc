#include "features/events/feature.h"

#include "features/events/demo.h"
#include "features/events/routes.h"
#include "wp_events_files.h"

namespace wp::events {

EventMeetings& RegisterEvents(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              platforms::PlatformDirectory& directory, geography::GeographyService& geography,
                              const EventsOptions& options) {
  registry.AddFiles("events", EventsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("events", EventsFiles()));
  auto& commands = registry.Keep(std::make_unique<EventCommands>(deps.db, deps.clock, deps.random, deps.web.catalog(),
                                                                 directory, deps.zone, options.settings));
  registry.AddStat({"wp_events_published", "Published events",
                    [](db::Connection& c) { return EventStore::CountPublished(c).value_or(0); }});
  registry.AddDemo("events", [&commands](const web::DemoSeed& seed) { return LoadEventsDemo(seed, commands); });
  const web::Web& web = deps.web;
  auto& agenda = registry.Keep(std::make_unique<AgendaPages>(web, commands, geography));
  auto& meetings = registry.Keep(std::make_unique<EventMeetings>(deps.db));
  auto& event = registry.Keep(std::make_unique<EventPages>(web, commands, &meetings));
  auto& kernteam = registry.Keep(std::make_unique<KernteamPages>(web, commands));
  registry.AddRoutes([&web, &agenda, &event, &kernteam](http::Router& router) {
    AddEventRoutes(router, web, agenda, event, kernteam);
  });
  return meetings;
}

}  // namespace wp::events
