#include "features/promises/permissions.h"

#include "core/auth/grants.h"

namespace wp::promises {

bool CanKeep(const auth::User& user, std::string_view borough) {
  if (user.id == 0) return false;
  if (user.IsAdministrator()) return true;
  // HasRole with a scope also accepts an unscoped grant (every stadsdeel).
  return !borough.empty() && user.HasRole(auth::Role::kAreaLiaison, borough);
}

bool IsKeeper(const auth::User& user) {
  if (user.id == 0) return false;
  if (user.IsAdministrator()) return true;
  return auth::HoldsAnywhere(user, auth::Role::kAreaLiaison);
}

}  // namespace wp::promises
