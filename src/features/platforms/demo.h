// Demo content (`wijkplatform serve --demo`): three platforms in Haarlem
// wijken: one recognised with kernteam, werkgroepen, spreekuren and members,
// one in formation, one just submitted. Kees joined Boerhaavewijk's kernteam
// by accepting Fatma's invitation; her invitation to another address is still
// open (shown on the kernteam page). Idempotent.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/platforms/commands.h"
#include "features/platforms/invitations.h"

namespace wp::platforms {

Result<void> LoadPlatformsDemo(const web::DemoSeed& seed, PlatformCommands& commands, InvitationCommands& invitations);

}  // namespace wp::platforms
