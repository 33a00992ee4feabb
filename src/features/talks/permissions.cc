#include "features/talks/permissions.h"

#include "core/auth/grants.h"

namespace wp::talks {

bool CanPlan(const auth::User& user, std::string_view borough) {
  if (user.id == 0) return false;
  if (user.IsAdministrator()) return true;
  // HasRole with a scope also accepts an unscoped grant (every stadsdeel).
  return !borough.empty() && user.HasRole(auth::Role::kAreaLiaison, borough);
}

bool CanPlanCity(const auth::User& user) {
  if (user.id == 0) return false;
  return user.IsAdministrator() || user.HasRole(auth::Role::kAreaLiaison, "");
}

bool IsPlanner(const auth::User& user) {
  if (user.id == 0) return false;
  if (user.IsAdministrator()) return true;
  return auth::HoldsAnywhere(user, auth::Role::kAreaLiaison);
}

bool IsKernteam(const auth::User& user, std::string_view platform_scope) {
  return user.id != 0 && auth::HoldsExactly(user, auth::Role::kKernteamMember, platform_scope);
}

bool CanTakePart(const auth::User& user, std::string_view platform_scope, std::string_view borough) {
  return CanPlan(user, borough) || IsKernteam(user, platform_scope);
}

}  // namespace wp::talks
