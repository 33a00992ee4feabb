#include "features/platforms/feature.h"

#include "wp_platforms_files.h"

namespace wp::platforms {

PlatformDirectory& RegisterPlatforms(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                     geography::GeographyService&, const PlatformsOptions&) {
  registry.AddFiles("platforms", PlatformsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("platforms", PlatformsFiles()));
  return registry.Keep(std::make_unique<PlatformDirectory>(deps.db));
}

}  // namespace wp::platforms
