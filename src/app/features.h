// The list of features, in registration order, and what the app keeps of
// them. The only place that names every feature.
#pragma once

#include "app/config.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/web/registry.h"

namespace wp::accounts {
class AccountCommands;
}
namespace wp::archive {
class ArchiveIndex;
}
namespace wp::codes {
class CodeCommands;
}
namespace wp::geography {
class GeographyService;
}

namespace wp::app {

struct FeatureHandles {
  accounts::AccountCommands* accounts = nullptr;
  geography::GeographyService* geography = nullptr;
  codes::CodeCommands* codes = nullptr;
  archive::ArchiveIndex* archive_index = nullptr;  // rebuilt after migrations (features that feed it)
};

// Registers every feature with `registry`.
Result<void> RegisterFeatures(web::FeatureRegistry& registry, const web::FeatureDeps& deps, const Config& config,
                              FeatureHandles& handles);
// Work after migrations: load the stored geography, or import the configured
// files into an empty database; rebuild the archive's search entries of
// advice and talks from their tables (rows from before they fed the index).
Result<void> AfterMigrations(FeatureHandles& handles, const Config& config, bool quiet);
// Adds demo content (idempotent).
Result<void> LoadDemo(FeatureHandles& handles, const web::FeatureRegistry& registry, const Clock& clock);

}  // namespace wp::app
