#include "features/opinion/permissions.h"

#include "core/auth/grants.h"

namespace wp::opinion {
namespace {

bool IsCityWide(const auth::User& user) {
  return user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kMunicipalStaff) ||
         auth::HoldsAnywhere(user, auth::Role::kMunicipalExpert);
}

}  // namespace

bool IsOrganiser(const auth::User& user) {
  return user.id != 0 && (IsCityWide(user) || auth::HoldsAnywhere(user, auth::Role::kAreaLiaison) ||
                          auth::HoldsAnywhere(user, auth::Role::kKernteamMember));
}

bool CanOrganise(const auth::User& user, std::string_view borough_slug,
                 const std::vector<std::string>& platform_scopes) {
  if (user.id == 0) return false;
  if (IsCityWide(user)) return true;
  if (!borough_slug.empty() && user.HasRole(auth::Role::kAreaLiaison, borough_slug)) return true;
  for (const auto& g : user.grants) {
    if (g.role != auth::Role::kKernteamMember || g.scope.empty()) continue;
    for (const auto& s : platform_scopes) {
      if (g.scope == s) return true;
    }
  }
  return false;
}

}  // namespace wp::opinion
