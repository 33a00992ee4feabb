#include "features/budgets/permissions.h"

namespace wp::budgets {

bool HoldsRoleAnywhere(const auth::User& user, auth::Role role) {
  if (user.IsAdministrator()) return true;
  for (const auto& g : user.grants) {
    if (g.role == role) return true;
  }
  return false;
}

bool IsOfficial(const auth::User& user, std::string_view borough_slug) {
  if (user.IsAdministrator()) return true;
  for (const auto& g : user.grants) {
    if (g.role != auth::Role::kAreaLiaison) continue;
    if (g.scope.empty() || (!borough_slug.empty() && g.scope == borough_slug)) return true;
  }
  return false;
}

bool MayCreateEditions(const auth::User& user) { return HoldsRoleAnywhere(user, auth::Role::kAreaLiaison); }

bool IsStaff(const auth::User& user) {
  return MayCreateEditions(user) || HoldsRoleAnywhere(user, auth::Role::kMunicipalExpert);
}

bool Can(const auth::User* user, Action action, const Edition& e, int64_t submitter_id) {
  if (user == nullptr || user->id == 0) return false;
  switch (action) {
    case Action::kManageEdition:
      return IsOfficial(*user, e.borough_slug);
    case Action::kSubmitPlan:
    case Action::kLike:
      return true;
    case Action::kEditPlan:
      return submitter_id != 0 && submitter_id == user->id;
    case Action::kReviewPlan:
      return HoldsRoleAnywhere(*user, auth::Role::kMunicipalExpert);
    case Action::kUpdateProgress:
      return (submitter_id != 0 && submitter_id == user->id) || IsOfficial(*user, e.borough_slug);
  }
  return false;
}

}  // namespace wp::budgets
