// RegisterGeography: the municipality's stadsdelen, wijken and buurten; the
// home page with the city map; stadsdeel and wijk pages; the stadsdeel
// contacts of the demo. Returns the service other features and the app use.
#pragma once

#include "core/web/registry.h"
#include "features/geography/service.h"

namespace wp::geography {

GeographyService& RegisterGeography(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::geography
