// Who may do what with promises. The promises are the municipality's, and
// public: everyone reads them. Officials keep the log: the gebiedsverbinder
// of the platform's stadsdeel (auth::Role::kAreaLiaison scoped to the
// stadsdeel; an unscoped grant for every stadsdeel) and administrators
// create promises, write updates, change their status and hand them over.
// Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"

namespace wp::promises {

// True when `user` keeps the promises of platforms in stadsdeel `borough`.
bool CanKeep(const auth::User& user, std::string_view borough);

// True when `user` keeps promises anywhere (the officials' list, a new promise).
bool IsKeeper(const auth::User& user);

}  // namespace wp::promises
