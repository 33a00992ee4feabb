// Two readings of a user's role grants that the features' permission rules
// share. User::HasRole lets an unscoped grant match every scope; these do not
// (a kernteam member speaks for exactly one platform). Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"

namespace wp::auth {

// True when `user` holds `role` with any scope, unscoped included.
bool HoldsAnywhere(const User& user, Role role);

// True when `user` holds `role` scoped to exactly `scope`. An unscoped grant
// does not count, and an empty `scope` is never held.
bool HoldsExactly(const User& user, Role role, std::string_view scope);

}  // namespace wp::auth
