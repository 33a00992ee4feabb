#include "features/archive/permissions.h"

namespace wp::archive {

namespace {

bool HoldsAny(const auth::User& user, auth::Role role) {
  for (const auto& g : user.grants) {
    if (g.role == role) return true;
  }
  return false;
}

// A kernteam grant scoped to exactly this platform.
bool IsKernteamOf(const auth::User& user, std::string_view platform_scope) {
  if (platform_scope.empty()) return false;
  for (const auto& g : user.grants) {
    if (g.role == auth::Role::kKernteamMember && g.scope == platform_scope) return true;
  }
  return false;
}

bool IsOfficialFor(const auth::User& user, std::string_view borough) {
  return user.IsAdministrator() || HoldsAny(user, auth::Role::kMunicipalExpert) ||
         HoldsAny(user, auth::Role::kMunicipalStaff) ||
         (!borough.empty() && user.HasRole(auth::Role::kAreaLiaison, borough)) ||
         user.HasRole(auth::Role::kAreaLiaison);
}

}  // namespace

bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough) {
  if (user.id == 0) return false;
  if (action == Action::kFollow) return HoldsAny(user, auth::Role::kCouncilMember);
  return IsKernteamOf(user, platform_scope) || IsOfficialFor(user, borough);
}

}  // namespace wp::archive
