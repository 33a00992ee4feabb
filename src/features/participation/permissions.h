// Who may do what with the participation calendar. Everyone reads it.
// Officials manage projects: municipal staff and experts (any grant, any
// scope) and administrators everywhere; a gebiedsverbinder
// (auth::Role::kAreaLiaison scoped to a stadsdeel; an unscoped grant for
// every stadsdeel) the projects whose wijken all lie in that stadsdeel. The
// kernteam of a platform (kKernteamMember scoped to exactly its id) turns
// the platform's e-mail about new projects on and off. Pure.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "core/auth/user.h"

namespace wp::participation {

// True when `user` manages projects somewhere (the officials' pages, a new project).
bool IsManager(const auth::User& user);

// True when `user` manages a project in the stadsdelen `boroughs` (slugs).
// An empty set (a project without known wijken) only city-wide officials.
bool CanManage(const auth::User& user, const std::set<std::string>& boroughs);

// True when `user` may subscribe the platform whose role scope is
// `platform_scope` (its id as text).
bool CanSubscribe(const auth::User& user, std::string_view platform_scope);

}  // namespace wp::participation
