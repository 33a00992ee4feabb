// Who organises an opinion-map conversation: officials (administrators,
// municipal staff and experts anywhere; a gebiedsverbinder in their
// stadsdeel) and the kernteam of an active platform in the conversation's
// wijk. They open, close and moderate it and add seed statements. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"

namespace wp::opinion {

// True when `user` may organise conversations somewhere (the overview page).
bool IsOrganiser(const auth::User& user);

// True when `user` organises a conversation in an area of stadsdeel
// `borough_slug` whose wijk has the platforms with role scopes `platform_scopes`.
bool CanOrganise(const auth::User& user, std::string_view borough_slug, const std::vector<std::string>& platform_scopes);

}  // namespace wp::opinion
