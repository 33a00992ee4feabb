#include "features/signals/permissions.h"

#include "core/auth/grants.h"

namespace wp::signals {

namespace {

constexpr std::string_view kDepartmentPrefix = "afdeling:";

bool Covers(const StaffScope& scope, std::string_view department, std::string_view borough) {
  return (scope.department.empty() || scope.department == department) &&
         (scope.borough.empty() || scope.borough == borough);
}

}  // namespace

std::optional<StaffScope> ParseStaffScope(std::string_view scope) {
  StaffScope out;
  if (scope.rfind(kDepartmentPrefix, 0) == 0) {
    std::string_view rest = scope.substr(kDepartmentPrefix.size());
    size_t slash = rest.find('/');
    out.department = std::string(rest.substr(0, slash));
    if (slash != std::string_view::npos) {
      out.borough = std::string(rest.substr(slash + 1));
      if (out.borough.empty()) return std::nullopt;
    }
    if (out.department.empty()) return std::nullopt;
    return out;
  }
  if (scope.find('/') != std::string_view::npos || scope.find(':') != std::string_view::npos) return std::nullopt;
  out.borough = std::string(scope);
  return out;
}

std::string StaffScopeText(const StaffScope& scope) {
  if (scope.department.empty()) return scope.borough;
  std::string out = std::string(kDepartmentPrefix) + scope.department;
  if (!scope.borough.empty()) out += "/" + scope.borough;
  return out;
}

std::vector<StaffScope> HandlingScopes(const auth::User& user) {
  if (user.IsAdministrator()) return {StaffScope{}};
  std::vector<StaffScope> out;
  for (const auto& g : user.grants) {
    if (g.role != auth::Role::kMunicipalStaff) continue;
    if (auto s = ParseStaffScope(g.scope)) out.push_back(*s);
  }
  return out;
}

bool CanHandle(const auth::User& user, std::string_view department, std::string_view borough) {
  for (const auto& s : HandlingScopes(user)) {
    if (Covers(s, department, borough)) return true;
  }
  return false;
}

bool CanUseWorkQueue(const auth::User& user) { return !HandlingScopes(user).empty(); }

bool CanManageCategories(const auth::User& user) { return user.IsAdministrator(); }

bool CanViewTrends(const auth::User& user, std::string_view platform_scope, std::string_view borough) {
  if (user.id == 0) return false;
  return user.HasRole(auth::Role::kKernteamMember, platform_scope) || user.HasRole(auth::Role::kAreaLiaison, borough) ||
         CanUseWorkQueue(user);
}

bool CanReportForPlatform(const auth::User& user, std::string_view platform_scope) {
  return user.id != 0 && auth::HoldsExactly(user, auth::Role::kKernteamMember, platform_scope);
}

}  // namespace wp::signals
