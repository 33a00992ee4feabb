#include "features/participation/permissions.h"

namespace wp::participation {

namespace {

// True when `user` holds `role` with any scope.
bool HoldsAny(const auth::User& user, auth::Role role) {
  for (const auto& g : user.grants) {
    if (g.role == role) return true;
  }
  return false;
}

// Administrators, municipal staff and experts, and unscoped gebiedsverbinders.
bool IsCityWide(const auth::User& user) {
  return user.IsAdministrator() || HoldsAny(user, auth::Role::kMunicipalStaff) ||
         HoldsAny(user, auth::Role::kMunicipalExpert) || user.HasRole(auth::Role::kAreaLiaison);
}

}  // namespace

bool IsManager(const auth::User& user) {
  return user.id != 0 && (IsCityWide(user) || HoldsAny(user, auth::Role::kAreaLiaison));
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
  if (user.id == 0 || platform_scope.empty()) return false;
  for (const auto& g : user.grants) {
    if (g.role == auth::Role::kKernteamMember && g.scope == platform_scope) return true;
  }
  return false;
}

}  // namespace wp::participation
