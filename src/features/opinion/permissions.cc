#include "features/opinion/permissions.h"

namespace wp::opinion {
namespace {

bool HoldsAny(const auth::User& user, auth::Role role) {
  for (const auto& g : user.grants) {
    if (g.role == role) return true;
  }
  return false;
}

bool IsCityWide(const auth::User& user) {
  return user.IsAdministrator() || HoldsAny(user, auth::Role::kMunicipalStaff) ||
         HoldsAny(user, auth::Role::kMunicipalExpert);
}

}  // namespace

bool IsOrganiser(const auth::User& user) {
  return user.id != 0 && (IsCityWide(user) || HoldsAny(user, auth::Role::kAreaLiaison) ||
                          HoldsAny(user, auth::Role::kKernteamMember));
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
