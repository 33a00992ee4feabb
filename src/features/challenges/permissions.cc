#include "features/challenges/permissions.h"

#include "core/auth/grants.h"

namespace wp::challenges {

namespace {

bool IsOfficialOf(const auth::User& user, std::string_view borough) {
  return user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kMunicipalExpert) ||
         user.HasRole(auth::Role::kAreaLiaison, borough);
}

}  // namespace

bool IsOfficial(const auth::User& user) {
  return user.id != 0 && (user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kMunicipalExpert) ||
                          auth::HoldsAnywhere(user, auth::Role::kAreaLiaison));
}

bool Can(const auth::User& user, Action action, const Challenge& c) {
  if (user.id == 0) return false;
  bool official = !c.borough.empty() && IsOfficialOf(user, c.borough);
  bool contact = c.contact_user_id != 0 && c.contact_user_id == user.id;
  switch (action) {
    case Action::kSubmit:
      return true;
    case Action::kCheck:
    case Action::kDecide:
      return official && !contact;  // nobody judges their own challenge
    case Action::kWriteBusinessCase:
      return official || contact;
    case Action::kReport:
      return contact;
  }
  return false;
}

}  // namespace wp::challenges
