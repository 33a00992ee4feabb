#include "features/archive/permissions.h"

#include "core/auth/grants.h"

namespace wp::archive {

namespace {

bool IsOfficialFor(const auth::User& user, std::string_view borough) {
  return user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kMunicipalExpert) ||
         auth::HoldsAnywhere(user, auth::Role::kMunicipalStaff) ||
         (!borough.empty() && user.HasRole(auth::Role::kAreaLiaison, borough)) ||
         user.HasRole(auth::Role::kAreaLiaison);
}

}  // namespace

bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough) {
  if (user.id == 0) return false;
  if (action == Action::kFollow) return auth::HoldsAnywhere(user, auth::Role::kCouncilMember);
  return auth::HoldsExactly(user, auth::Role::kKernteamMember, platform_scope) || IsOfficialFor(user, borough);
}

}  // namespace wp::archive
