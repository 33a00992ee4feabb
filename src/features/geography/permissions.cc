#include "features/geography/permissions.h"

namespace wp::geography {

bool Can(const auth::User& user, GeoAction action, std::string_view borough_slug) {
  if (user.IsAdministrator()) return true;
  switch (action) {
    case GeoAction::kImport: return false;
    case GeoAction::kEditBoroughContact:
      return !borough_slug.empty() && user.HasRole(auth::Role::kAreaLiaison, borough_slug);
  }
  return false;
}

}  // namespace wp::geography
