// Demo content (`wijkplatform serve --demo`): a published contact, a made-up
// gebiedsverbinder, for every stadsdeel of the current geography that has
// none. Addresses use the reserved .invalid domain. Idempotent.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/geography/service.h"

namespace wp::geography {

Result<void> LoadGeographyDemo(const web::DemoSeed& seed, GeographyService& geography);

}  // namespace wp::geography
