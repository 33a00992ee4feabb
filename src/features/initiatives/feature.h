// RegisterInitiatives: the initiative desk (#15): residents submit an
// initiative with the initiatievenkompas, get one contact person, and an
// answer within six weeks ("ja", "ja, mits", "nee, want"); public pages per
// initiative and per wijk.
#pragma once

#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/initiatives/commands.h"
#include "features/platforms/directory.h"

namespace wp::initiatives {

struct InitiativesOptions {
  InitiativesSettings settings;
  int reminder_check_seconds = 3600;  // how often reminders before the answer deadline are looked for
};

InitiativeCommands& RegisterInitiatives(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                        const geography::GeographyService& geography,
                                        const platforms::PlatformDirectory& platforms, const accounts::Roles& roles,
                                        const InitiativesOptions& options,
                                        const budgets::EditionDirectory* editions = nullptr);

}  // namespace wp::initiatives
