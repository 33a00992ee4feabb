// Who may do what on a wijkplatform. Pure; thread-safe.
//
// - A kernteam member of THIS platform (role grant scoped to its id) runs the
//   platform: page, werkgroepen, spreekuren, events, news, newsletter, and the
//   year subsidy application. Only while the platform is active (submitted,
//   in formation, recognised); applying for subsidy only once it is in
//   formation or recognised (the municipality has accepted the application).
// - The gebiedsverbinder of the platform's stadsdeel (grant scoped to the
//   borough slug) reviews recognition and decides on subsidy.
// - An administrator may do what the gebiedsverbinder may, and may edit and
//   moderate content (page, werkgroepen, spreekuren, events, news) to support a
//   platform, also after it ended; but never acts as the platform: no subsidy
//   application and no newsletter in its name (a platform speaks for itself).
// - Municipal experts, platform members, residents and anonymous visitors
//   may do none of these (joining and registering for events are open to all
//   and need no check here).
// Unscoped grants match every platform or stadsdeel (auth::User::HasRole).
#pragma once

#include <string_view>

#include "core/auth/user.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

enum class Action {
  kEditPlatformPage,
  kManageWorkingGroups,
  kManageOfficeHours,
  kManageKernteam,  // add and remove kernteam members (never the last one: commands)
  kCreateEvent,
  kPublishEvent,
  kWriteNews,
  kSendNewsletter,
  kApplyForSubsidy,  // also: report the spending of a granted subsidy
  kReviewRecognition,
  kGrantSubsidy,  // also: refuse, and settle after the spending report
};
inline constexpr Action kAllActions[] = {
    Action::kEditPlatformPage, Action::kManageWorkingGroups, Action::kManageOfficeHours, Action::kManageKernteam,
    Action::kCreateEvent,      Action::kPublishEvent,        Action::kWriteNews,         Action::kSendNewsletter,
    Action::kApplyForSubsidy,  Action::kReviewRecognition,   Action::kGrantSubsidy};
std::string_view ActionName(Action a);  // "edit_platform_page", ...

// True when `user` may do `action` on `platform` (uses its id, status and borough_slug).
bool Can(const auth::User& user, Action action, const Platform& platform);

// Who may see the municipality's overview of all platforms with their subsidy
// status (/beheer/wijkplatforms): administrators, every gebiedsverbinder
// (whatever stadsdeel) and municipal experts.
bool CanSeeMunicipalOverview(const auth::User& user);

}  // namespace wp::platforms
