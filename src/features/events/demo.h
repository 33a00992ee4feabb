// Demo content (`wijkplatform serve --demo`): a theme meeting, a spreekuur
// and a neighbourhood walk on the demo platforms, in the coming weeks.
// Idempotent: an event whose title is there already is not made again.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/events/commands.h"

namespace wp::events {

Result<void> LoadEventsDemo(const web::DemoSeed& seed, EventCommands& commands);

}  // namespace wp::events
