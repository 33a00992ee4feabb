// RegisterPromises: the promises log (#14 item 5): the municipality's
// promises to wijkplatforms with owner, due date, status, updates and
// handovers; the late ones per stadsdeel; a section on every platform page.
#pragma once

#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/advice/commands.h"
#include "features/contracts/commands.h"
#include "features/platforms/directory.h"
#include "features/promises/commands.h"

namespace wp::promises {

// `advice` (answer points as sources) and `contracts` (the municipal
// commitments shown with the promises) may be null.
PromiseCommands& RegisterPromises(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                  const advice::AdviceCommands* advice, const contracts::ContractCommands* contracts);

}  // namespace wp::promises
