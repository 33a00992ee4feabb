#include "core/auth/grants.h"

namespace wp::auth {

bool HoldsAnywhere(const User& user, Role role) {
  for (const auto& g : user.grants) {
    if (g.role == role) return true;
  }
  return false;
}

bool HoldsExactly(const User& user, Role role, std::string_view scope) {
  if (scope.empty()) return false;
  for (const auto& g : user.grants) {
    if (g.role == role && g.scope == scope) return true;
  }
  return false;
}

}  // namespace wp::auth
