// Who runs live polls: whoever may run the platform's meetings (create its
// events: its kernteam, platforms::Action::kCreateEvent), the
// gebiedsverbinder of its stadsdeel and administrators. Participants need no
// account. Pure.
#pragma once

#include "core/auth/user.h"
#include "features/platforms/platform.h"

namespace wp::livepolls {

bool CanRunPolls(const auth::User& user, const platforms::Platform& platform);

}  // namespace wp::livepolls
