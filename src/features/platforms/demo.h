// Demo content (`wijkplatform serve --demo`): three platforms in Haarlem
// wijken: one recognised with kernteam, werkgroepen, spreekuren and members,
// one in formation, one just submitted. Idempotent.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

Result<void> LoadPlatformsDemo(const web::DemoSeed& seed, PlatformCommands& commands);

}  // namespace wp::platforms
