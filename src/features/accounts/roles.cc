#include "features/accounts/roles.h"

#include "features/accounts/account_rules.h"
#include "features/accounts/account_store.h"

namespace wp::accounts {

namespace {

Result<void> CheckFeatureScoped(auth::Role role) {
  if (!Roles::IsFeatureScoped(role)) return Forbidden("role not given by other features");
  return Ok();
}

}  // namespace

bool Roles::IsFeatureScoped(auth::Role role) {
  return role == auth::Role::kKernteamMember || role == auth::Role::kPlatformMember;
}

Result<std::optional<Person>> Roles::FindByEmail(db::Connection& c, std::string_view email) const {
  WP_ASSIGN_OR_RETURN(auto stored, AccountStore::FindByEmail(c, NormaliseEmail(email)));
  if (!stored || stored->disabled) return std::optional<Person>();
  const auth::User& u = stored->user;
  return std::optional<Person>(Person{u.id, u.email, u.display_name, u.locale});
}

Result<std::map<int64_t, Person>> Roles::People(db::Connection& c, const std::vector<int64_t>& ids) const {
  WP_ASSIGN_OR_RETURN(auto people, AccountStore::People(c, ids));
  std::map<int64_t, Person> out;
  for (auto& p : people) out.emplace(p.id, std::move(p));
  return out;
}

Result<std::vector<Person>> Roles::Holders(db::Connection& c, auth::Role role, std::string_view scope) const {
  return AccountStore::RoleHolders(c, role, scope);
}

Result<bool> Roles::Grant(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope, int64_t actor,
                          int64_t now) const {
  WP_TRY_VOID(CheckFeatureScoped(role));
  return AccountStore::GrantRole(c, user_id, role, scope, actor, now);
}

Result<bool> Roles::Revoke(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope, int64_t actor,
                           int64_t now) const {
  WP_TRY_VOID(CheckFeatureScoped(role));
  return AccountStore::RevokeRole(c, user_id, role, scope, actor, now);
}

}  // namespace wp::accounts
