#include "features/events/feature.h"

#include "wp_events_files.h"

namespace wp::events {

void RegisterEvents(web::FeatureRegistry& registry, const web::FeatureDeps&) {
  registry.AddFiles("events", EventsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("events", EventsFiles()));
}

}  // namespace wp::events
