// Demo content (`wijkplatform serve --demo`): on the Boerhaavewijk platform a
// signed, running contract for this year with three themes and commitments
// that are done, on time, due within the reminder window, overdue (with a
// progress update saying why) and dropped, plus one amendment. Idempotent:
// a platform with a contract for that year is left alone. Skipped when the
// platforms demo did not create the platform.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/contracts/commands.h"

namespace wp::contracts {

Result<void> LoadContractsDemo(const web::DemoSeed& seed, ContractCommands& commands);

}  // namespace wp::contracts
