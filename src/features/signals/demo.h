// Demo content of signals (`serve --demo`): departments, a category tree, a
// staff account and a few dozen signals across Haarlem in every state, made
// through the real commands. Does nothing when categories exist.
#pragma once

#include "core/web/registry.h"
#include "features/platforms/directory.h"
#include "features/signals/commands.h"

namespace wp::signals {

// `live` is the app's SignalCommands; the signals are reported through a copy
// of it on a demo clock that starts 40 days before now, so their dates,
// deadlines and automatic updates differ. The area of the demo platform
// Wijkplatform Boerhaavewijk (when `directory` is given and has it) gets reports over five
// months (its trends), some on behalf of the platform by its kernteam.
Result<void> LoadSignalsDemo(const web::DemoSeed& seed, SignalCommands& live, db::Database& db, Random& random,
                             const i18n::Catalog& catalog, const platforms::PlatformDirectory* directory);

}  // namespace wp::signals
