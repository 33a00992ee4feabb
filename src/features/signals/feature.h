// RegisterSignals: signals (meldingen openbare ruimte) from residents to the
// municipality: report, handle, keep the reporter informed, public list (#13).
#pragma once

#include "core/web/registry.h"
#include "features/geography/service.h"
#include "features/signals/commands.h"

namespace wp::signals {

struct SignalsOptions {
  SignalsSettings settings;
  int update_check_seconds = 900;  // how often the "still working on it" updates are looked for
};

SignalCommands& RegisterSignals(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                const geography::GeographyService& geography, const SignalsOptions& options);

}  // namespace wp::signals
