#include "features/codes/feature.h"

#include "wp_codes_files.h"

namespace wp::codes {

void RegisterCodes(web::FeatureRegistry& registry, const web::FeatureDeps&) {
  registry.AddFiles("codes", CodesFiles());
  registry.AddMigrations(db::MigrationsFromFiles("codes", CodesFiles()));
}

}  // namespace wp::codes
