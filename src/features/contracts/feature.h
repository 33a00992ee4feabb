// RegisterContracts: neighbourhood contracts (#18): per platform and year,
// themes and commitments drafted by the kernteam and the gebiedsverbinder,
// signed by both, tracked in public with reminders and an overdue list, and
// reviewed at the end of the year.
#pragma once

#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/contracts/commands.h"
#include "features/platforms/directory.h"

namespace wp::contracts {

struct ContractsOptions {
  ContractSettings settings;
  int reminder_check_seconds = 3600;  // how often the reminder job looks for due commitments
};

ContractCommands& RegisterContracts(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                    platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                    const ContractsOptions& options);

}  // namespace wp::contracts
