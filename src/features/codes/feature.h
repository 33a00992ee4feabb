// RegisterCodes: Voting codes (stemcodes) of a Wijk aan Zet edition: addresses, generation, letters, revocation (issue 6).
#pragma once

#include "core/web/registry.h"

namespace wp::codes {

void RegisterCodes(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::codes
