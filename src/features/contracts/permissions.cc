#include "features/contracts/permissions.h"

#include "core/auth/grants.h"

namespace wp::contracts {

namespace {

// The gebiedsverbinder of the stadsdeel (HasRole also accepts an unscoped grant), or an administrator.
bool IsMunicipalityOf(const auth::User& user, std::string_view borough) {
  return user.IsAdministrator() || user.HasRole(auth::Role::kAreaLiaison, borough);
}

}  // namespace

bool IsSide(const auth::User& user, Side side, std::string_view platform_scope, std::string_view borough) {
  if (user.id == 0) return false;
  return side == Side::kPlatform ? auth::HoldsExactly(user, auth::Role::kKernteamMember, platform_scope)
                                 : IsMunicipalityOf(user, borough);
}

bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough) {
  bool platform = IsSide(user, Side::kPlatform, platform_scope, borough);
  bool municipality = IsSide(user, Side::kMunicipality, platform_scope, borough);
  switch (action) {
    case Action::kDraft:
    case Action::kApprove:
    case Action::kReport:
    case Action::kAmend:
      return platform || municipality;
    case Action::kSeeOverdue:
      return municipality;
  }
  return false;
}

bool IsOfficial(const auth::User& user) {
  return user.id != 0 && (user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kAreaLiaison));
}

}  // namespace wp::contracts
