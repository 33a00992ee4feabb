// RegisterLivePolls: live polls at meetings (#17 item 2): a presenter of a
// platform makes a poll for a meeting, participants join with a short code
// and answer on their phones without an account, the big screen shows the
// results growing, and closed polls stay with the platform's meetings (a
// section on the platform page, and /peiling/{id}/uitslag).
#pragma once

#include "core/web/registry.h"
#include "features/livepolls/commands.h"
#include "features/platforms/directory.h"

namespace wp::livepolls {

LivePollCommands& RegisterLivePolls(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                    platforms::PlatformDirectory& directory);

}  // namespace wp::livepolls
