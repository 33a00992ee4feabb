// Users for the permission and recognition tables: one per kind of actor,
// around platform 7 in stadsdeel "schalkwijk".
#pragma once

#include <string>
#include <vector>

#include "core/auth/user.h"

namespace wp::platforms::test_actors {

inline constexpr int64_t kPlatformId = 7;
inline constexpr const char* kBorough = "schalkwijk";

enum class Actor {
  kAnonymous,
  kResident,
  kPlatformMember,    // member of platform 7
  kKernteamThis,      // kernteam of platform 7
  kKernteamOther,     // kernteam of platform 8
  kAreaLiaisonThis,   // gebiedsverbinder of schalkwijk
  kAreaLiaisonOther,  // gebiedsverbinder of noord
  kMunicipalExpert,
  kAdministrator,
};
inline constexpr Actor kAllActors[] = {Actor::kAnonymous,        Actor::kResident,        Actor::kPlatformMember,
                                       Actor::kKernteamThis,     Actor::kKernteamOther,   Actor::kAreaLiaisonThis,
                                       Actor::kAreaLiaisonOther, Actor::kMunicipalExpert, Actor::kAdministrator};

inline const char* ActorLabel(Actor a) {
  switch (a) {
    case Actor::kAnonymous:
      return "anonymous";
    case Actor::kResident:
      return "resident";
    case Actor::kPlatformMember:
      return "platform member";
    case Actor::kKernteamThis:
      return "kernteam of this platform";
    case Actor::kKernteamOther:
      return "kernteam of another platform";
    case Actor::kAreaLiaisonThis:
      return "gebiedsverbinder of this stadsdeel";
    case Actor::kAreaLiaisonOther:
      return "gebiedsverbinder of another stadsdeel";
    case Actor::kMunicipalExpert:
      return "municipal expert";
    case Actor::kAdministrator:
      return "administrator";
  }
  return "?";
}

inline auth::User MakeUser(Actor a) {
  using auth::Role;
  auth::User u{100, "u@example.nl", "U", "nl", {}};
  switch (a) {
    case Actor::kAnonymous:
      u = auth::User{};
      break;
    case Actor::kResident:
      break;
    case Actor::kPlatformMember:
      u.grants = {{Role::kPlatformMember, "7"}};
      break;
    case Actor::kKernteamThis:
      u.grants = {{Role::kKernteamMember, "7"}};
      break;
    case Actor::kKernteamOther:
      u.grants = {{Role::kKernteamMember, "8"}};
      break;
    case Actor::kAreaLiaisonThis:
      u.grants = {{Role::kAreaLiaison, "schalkwijk"}};
      break;
    case Actor::kAreaLiaisonOther:
      u.grants = {{Role::kAreaLiaison, "noord"}};
      break;
    case Actor::kMunicipalExpert:
      u.grants = {{Role::kMunicipalExpert, ""}};
      break;
    case Actor::kAdministrator:
      u.grants = {{Role::kAdministrator, ""}};
      break;
  }
  return u;
}

}  // namespace wp::platforms::test_actors
