#include "features/talks/permissions.h"

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
  for (const auto& g : user.grants) {
    if (g.role == auth::Role::kAreaLiaison) return true;
  }
  return false;
}

bool IsKernteam(const auth::User& user, std::string_view platform_scope) {
  if (user.id == 0 || platform_scope.empty()) return false;
  for (const auto& g : user.grants) {
    if (g.role == auth::Role::kKernteamMember && g.scope == platform_scope) return true;
  }
  return false;
}

bool CanTakePart(const auth::User& user, std::string_view platform_scope, std::string_view borough) {
  return CanPlan(user, borough) || IsKernteam(user, platform_scope);
}

}  // namespace wp::talks
