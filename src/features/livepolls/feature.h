// RegisterLivePolls: live polls at meetings (#17 item 2): a presenter of a
// platform makes a poll for a meeting, participants join with a short code
// and answer on their phones without an account, the big screen shows the
// results growing, and closed polls stay with the platform's meetings (a
// section on the platform page, and /peiling/{id}/uitslag).
#pragma once

#include "core/web/registry.h"
#include "features/livepolls/commands.h"
#include "features/events/meetings.h"
#include "features/platforms/directory.h"

namespace wp::livepolls {

// `meetings`: a poll can belong to an activity of the platform; the
// activity's page then lists the poll's results.
LivePollCommands& RegisterLivePolls(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                    platforms::PlatformDirectory& directory, events::EventMeetings& meetings);

}  // namespace wp::livepolls
