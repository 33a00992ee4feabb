// A recognised wijkplatform for the HTTP tests of the features that work for
// platforms (advice, archive, contracts, ...): "Wijkplatform Ter Kleef"
// (slug ter-kleef) in buurt BU03920101 of stadsdeel centrum. Tests only.
#pragma once

#include <string>

#include "core/result.h"
#include "features/platforms/platform.h"
#include "testing/app_harness.h"

namespace wp::platforms::testing {

// The platform as those tests know it; change fields before AddPlatform.
Platform TerKleef();

// Signs in `founder_email` (so the account exists) and inserts `p` with that
// account as its founder. Returns the platform's id.
Result<int64_t> AddPlatform(wp::testing::AppHarness& h, const Platform& p = TerKleef(),
                            const std::string& founder_email = "oprichter@example.nl");

}  // namespace wp::platforms::testing
