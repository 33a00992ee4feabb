// RegisterSite: pages about the site itself (accessibility statement, about).
#pragma once

#include "core/web/registry.h"

namespace wp::site {

void RegisterSite(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::site
