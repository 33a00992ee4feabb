#include "core/auth/user.h"

namespace wp::auth {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kResident:
      return "resident";
    case Role::kPlatformMember:
      return "platform_member";
    case Role::kKernteamMember:
      return "kernteam_member";
    case Role::kAreaLiaison:
      return "gebiedsverbinder";
    case Role::kMunicipalExpert:
      return "municipal_expert";
    case Role::kAdministrator:
      return "administrator";
    case Role::kMunicipalStaff:
      return "municipal_staff";
    case Role::kInitiativeDesk:
      return "initiative_desk";
    case Role::kPrintOfficer:
      return "print_officer";
    case Role::kCouncilMember:
      return "council_member";
  }
  return "resident";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

bool User::HasRole(Role role, std::string_view scope) const {
  if (role == Role::kResident) return id != 0;
  for (const auto& g : grants) {
    if (g.role == role && (g.scope.empty() || g.scope == scope)) return true;
  }
  return false;
}

}  // namespace wp::auth
