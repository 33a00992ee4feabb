// LoadParticipationDemo: the participation calendar's demo content: the
// demo platform Boerhaavewijk's kernteam turns on e-mail about new
// projects; then projects of every status and level in Haarlem's wijken: a
// running co-decide project in the Boerhaavewijk (the platform is e-mailed),
// a planned advice project in Europawijk and Boerhaavewijk, a planned
// consultation in the Molenwijk, a finished consultation in the
// Transvaalwijk and a cancelled information project in the Oude Stad. Runs
// once (nothing when there are projects).
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/participation/commands.h"

namespace wp::participation {

Result<void> LoadParticipationDemo(const web::DemoSeed& seed, ProjectCommands& commands);

}  // namespace wp::participation
