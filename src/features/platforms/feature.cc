#include "features/platforms/feature.h"

#include "wp_platforms_files.h"

namespace wp::platforms {

void RegisterPlatforms(web::FeatureRegistry& registry, const web::FeatureDeps&) {
  registry.AddFiles("platforms", PlatformsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("platforms", PlatformsFiles()));
}

}  // namespace wp::platforms
