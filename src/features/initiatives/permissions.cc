#include "features/initiatives/permissions.h"

#include <algorithm>

namespace wp::initiatives {

bool IsDeskStaff(const auth::User& user, std::string_view borough) {
  return user.IsAdministrator() || (!borough.empty() && user.HasRole(auth::Role::kInitiativeDesk, borough)) ||
         user.HasRole(auth::Role::kInitiativeDesk, "");
}

bool WorksAtDesk(const auth::User& user) {
  if (user.IsAdministrator()) return true;
  return std::any_of(user.grants.begin(), user.grants.end(),
                     [](const auth::RoleGrant& g) { return g.role == auth::Role::kInitiativeDesk; });
}

std::vector<std::string> InputDepartments(const auth::User& user) {
  std::vector<std::string> out;
  for (const char* d : kDepartments) {
    if (user.HasRole(auth::Role::kMunicipalExpert, std::string("afdeling:") + d)) out.push_back(d);
  }
  return out;
}

Relation RelationOf(const std::optional<auth::User>& user, const Initiative& initiative, bool holds_link) {
  Relation r;
  r.initiator = holds_link || (user && user->id != 0 && initiative.user_id == user->id);
  if (!user || user->id == 0) return r;
  r.contact = initiative.contact_user_id == user->id;
  r.desk = IsDeskStaff(*user, initiative.borough_slug);
  r.departments = InputDepartments(*user);
  return r;
}

bool CanViewCase(const Relation& r) { return r.contact || r.desk || !r.departments.empty(); }

bool CanAssignContact(const Relation& r) { return r.desk; }

bool CanRunCheck(const Relation& r) { return r.contact || r.desk; }

bool CanAnswerTask(const Relation& r, std::string_view department) {
  return CanRunCheck(r) || std::find(r.departments.begin(), r.departments.end(), department) != r.departments.end();
}

bool CanChangeCondition(const Relation& r, ConditionOwner owner, ConditionStatus to) {
  if (CanRunCheck(r)) return true;
  return r.initiator && owner == ConditionOwner::kInitiator && to != ConditionStatus::kWaived;
}

bool CanActAsInitiator(const Relation& r) { return r.initiator; }

}  // namespace wp::initiatives
