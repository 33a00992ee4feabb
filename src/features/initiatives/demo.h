// Demo content of initiatives (`serve --demo`): two desk staff accounts and
// a dozen initiatives across Haarlem in every state of the check, one "ja,
// mits" with its conditions partly met, a reassigned contact, department
// tasks and progress updates, made through the real commands on a clock of
// their own. Does nothing when initiatives exist.
#pragma once

#include "core/web/registry.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

Result<void> LoadInitiativesDemo(const web::DemoSeed& seed, InitiativeCommands& live, db::Database& db, Random& random,
                                 const i18n::Catalog& catalog, const platforms::PlatformDirectory& platforms,
                                 const accounts::Roles& roles);

}  // namespace wp::initiatives
