#include "features/participation/permissions.h"

#include "core/auth/grants.h"

namespace wp::participation {

namespace {

// Administrators, municipal staff and experts, and unscoped gebiedsverbinders.
bool IsCityWide(const auth::User& user) {
  return user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kMunicipalStaff) ||
         auth::HoldsAnywhere(user, auth::Role::kMunicipalExpert) || user.HasRole(auth::Role::kAreaLiaison);
}

}  // namespace

bool IsManager(const auth::User& user) {
  return user.id != 0 && (IsCityWide(user) || auth::HoldsAnywhere(user, auth::Role::kAreaLiaison));
}

bool CanManage(const auth::User& user, const std::set<std::string>& boroughs) {
  if (user.id == 0) return false;
  if (IsCityWide(user)) return true;
  if (boroughs.empty()) return false;
  for (const auto& b : boroughs) {
    if (!user.HasRole(auth::Role::kAreaLiaison, b)) return false;
  }
  return true;
}

bool CanSubscribe(const auth::User& user, std::string_view platform_scope) {
  return user.id != 0 && auth::HoldsExactly(user, auth::Role::kKernteamMember, platform_scope);
}

}  // namespace wp::participation
