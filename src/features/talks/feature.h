// RegisterTalks: the rounds of talks (#14 item 7): twice a year a meeting
// between the municipality and each wijkplatform, with an agenda from both
// sides, minutes and agreements that become promises; a section on every
// platform page.
#pragma once

#include "core/search/index.h"
#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/platforms/directory.h"
#include "features/promises/commands.h"
#include "features/talks/commands.h"

namespace wp::talks {

struct TalksOptions {
  TalksSettings settings;
};

// With `index`, the minutes and agreements of held meetings are in the
// archive's search (search_entries.h), kept current when they are published.
TalkCommands& RegisterTalks(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                            platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                            const promises::PromiseCommands& promises, const TalksOptions& options,
                            search::Index* index = nullptr);

}  // namespace wp::talks
