// RegisterPlatforms: Wijkplatforms: registry, recognition, kernteam, werkgroepen, members (issue 3).
#pragma once

#include "core/web/registry.h"

namespace wp::platforms {

void RegisterPlatforms(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::platforms
