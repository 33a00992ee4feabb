// Demo content (`wijkplatform serve --demo`): three platforms in Haarlem
// wijken: one recognised with kernteam, werkgroepen, spreekuren and members,
// one in formation, one just submitted. Idempotent.
#pragma once

#include "core/db/database.h"
#include "core/result.h"
#include "core/web/registry.h"
#include "features/platforms/commands.h"

namespace wp::platforms {

Result<void> LoadPlatformsDemo(const web::DemoSeed& seed, db::Database& db, PlatformCommands& commands);

}  // namespace wp::platforms
