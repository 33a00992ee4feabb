// LoadPromisesDemo: promises of the municipality to the demo platform
// Boerhaavewijk: one from an answered advice point, handed over to a new
// owner and on time; one from a wijkschouw that is late; one done; and 22
// earlier ones from almost a year ago, 12 done by their date and 10 after it
// (so the dashboards have quarters that ended to count). Runs once
// (nothing when the platform has promises, or does not exist).
#pragma once

#include "core/db/database.h"
#include "core/result.h"
#include "core/web/registry.h"
#include "features/promises/commands.h"

namespace wp::promises {

// `db` writes the late promise as it was made two months ago (the commands
// accept only due dates ahead); `advice` (may be null) has the answered advice.
Result<void> LoadPromisesDemo(const web::DemoSeed& seed, PromiseCommands& commands, db::Database& db,
                              const advice::AdviceCommands* advice);

}  // namespace wp::promises
