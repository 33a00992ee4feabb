// RegisterForums: lottery forums and panels in the site (#16): set up,
// invite, register with a code, the public draw (a background job) with its
// published files, replacements, and the erasure of personal data after the
// appeal period (a periodic task), the workspace with the yearly
// neighbourhood agenda, and a section on the platform page of the area.
#pragma once

#include "core/web/registry.h"
#include "features/forums/commands.h"
#include "features/geography/service.h"
#include "features/platforms/directory.h"

namespace wp::forums {

struct ForumsOptions {
  ForumSettings settings;
};

ForumCommands& RegisterForums(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              geography::GeographyService& geo, platforms::PlatformDirectory& directory,
                              const ForumsOptions& options);

}  // namespace wp::forums
