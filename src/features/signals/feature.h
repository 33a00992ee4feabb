// RegisterSignals: signals (meldingen openbare ruimte) from residents to the
// municipality: report, handle, keep the reporter informed, public list (#13).
#pragma once

#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/platforms/directory.h"
#include "features/signals/commands.h"

namespace wp::signals {

struct SignalsOptions {
  SignalsSettings settings;
  int update_check_seconds = 900;  // how often the "still working on it" updates are looked for
};

// Adds the signals sections to geography's wijk page and to the platform
// pages of `directory`; the trends page reads a platform's area there.
// `roles` gives the staff a signal can be assigned to.
SignalCommands& RegisterSignals(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                geography::GeographyService& geography, platforms::PlatformDirectory& directory,
                                const accounts::Roles& roles, const SignalsOptions& options);

}  // namespace wp::signals
