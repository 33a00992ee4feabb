// User and roles as the rest of the system sees them. Roles may be scoped:
// a gebiedsverbinder to a stadsdeel (scope = borough slug), a kernteam member
// to a platform (scope = platform id), municipal staff who handle signals to a
// department and/or a stadsdeel (scope grammar in features/signals/permissions.h),
// initiative desk staff to a stadsdeel (features/initiatives/permissions.h).
// An unscoped grant covers every scope.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wp::auth {

enum class Role {
  kResident,         // bewoner: every account
  kPlatformMember,   // lid van een wijkplatform
  kKernteamMember,   // kernteamlid
  kAreaLiaison,      // gebiedsverbinder (per stadsdeel)
  kMunicipalExpert,  // vakspecialist van de gemeente (haalbaarheid)
  kAdministrator,    // beheerder
  kMunicipalStaff,   // medewerker meldingen: handles signals of a department and/or stadsdeel
  kInitiativeDesk,   // medewerker initiatievenloket: assigns contacts, answers initiatives (scope: stadsdeel)
  kPrintOfficer,     // drukwerkbeheerder: downloads Wijk aan Zet print files before voting opens (scope: edition)
  kCouncilMember,    // raadslid: follows platforms, reads what is public, gets a daily digest (unscoped)
};

inline constexpr Role kAllRoles[] = {Role::kResident,       Role::kPlatformMember,  Role::kKernteamMember,
                                     Role::kAreaLiaison,    Role::kMunicipalExpert, Role::kAdministrator,
                                     Role::kMunicipalStaff, Role::kInitiativeDesk,  Role::kPrintOfficer,
                                     Role::kCouncilMember};

// Stable names used in the database, CLI and URLs.
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct RoleGrant {
  Role role;
  std::string scope;  // empty: everywhere
};

struct User {
  int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string locale;  // preferred UI language
  std::vector<RoleGrant> grants;

  // True when the user holds `role` for `scope` (an unscoped grant matches any
  // scope). Every user is a resident.
  bool HasRole(Role role, std::string_view scope = {}) const;
  bool IsAdministrator() const { return HasRole(Role::kAdministrator); }
};

}  // namespace wp::auth
