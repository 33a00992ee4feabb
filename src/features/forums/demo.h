// Demo content of forums (`serve --demo`): Wijkforum Zijlweg-West (seven
// seats drawn from 59 registrations after 323 letters, with its draw page
// and one replacement) and a panel of the Oude Stad still taking
// registrations.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/forums/commands.h"
#include "features/forums/draw_job.h"

namespace wp::forums {

Result<void> LoadForumsDemo(const web::DemoSeed& seed, ForumCommands& commands, DrawJob& draw_job);

}  // namespace wp::forums
