// Demo content of live polls (`serve --demo`) on the Boerhaavewijk
// platform: a running poll at its theme meeting with answers to its open
// question (a word cloud) shown on the screen, and a closed poll of an
// earlier meeting kept with its results. Made through the real commands;
// does nothing when polls exist or the platform is missing.
#pragma once

#include "core/web/registry.h"
#include "features/livepolls/commands.h"

namespace wp::livepolls {

Result<void> LoadLivePollsDemo(const web::DemoSeed& seed, LivePollCommands& commands,
                               const platforms::PlatformDirectory& directory, db::Database& db);

}  // namespace wp::livepolls
