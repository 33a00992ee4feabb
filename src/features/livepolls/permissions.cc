#include "features/livepolls/permissions.h"

#include "features/platforms/permissions.h"

namespace wp::livepolls {

bool CanRunPolls(const auth::User& user, const platforms::Platform& platform) {
  return platforms::Can(user, platforms::Action::kCreateEvent, platform) ||
         user.HasRole(auth::Role::kAreaLiaison, platform.borough_slug) || user.HasRole(auth::Role::kAdministrator);
}

}  // namespace wp::livepolls
