// RegisterAdvice: advice that gets answered (#14): advice requests from
// officials to platforms, the platforms' advice (asked and unsolicited) as
// numbered points, and the reasoned answer to each point, with the history.
#pragma once

#include "core/search/index.h"
#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/advice/commands.h"
#include "features/platforms/directory.h"

namespace wp::advice {

struct AdviceOptions {
  AdviceSettings settings;
  int reminder_check_seconds = 3600;  // how often reminders before and after answer deadlines are looked for
  bool reminders = true;              // false: no reminder mails at all (config advice_reminders)
};

// With `index`, public requests, advice and answers are in the archive's
// search (search_entries.h): kept current on every change of state, and
// rebuilt from the tables by the index's Rebuild.
AdviceCommands& RegisterAdvice(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                               platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                               const AdviceOptions& options, search::Index* index = nullptr);

}  // namespace wp::advice
