// Roles: what other features may ask of accounts without knowing its tables:
// find an account by e-mail, the names and addresses of accounts, who holds a
// role for one thing, and grant or revoke a role scoped to a thing of theirs
// (platforms: the kernteam of a platform). Every function runs on the
// caller's connection, so it is part of the caller's transaction.
// Thread-safe (holds no state). Returned by RegisterAccounts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/db/database.h"
#include "core/result.h"

namespace wp::accounts {

// An account as other features see it.
struct Person {
  int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string locale;  // "nl" | "en"
  bool operator==(const Person&) const = default;
};

class Roles {
 public:
  // The account with `email` (any case, spaces around it ignored) that is not
  // disabled, or nullopt.
  Result<std::optional<Person>> FindByEmail(db::Connection& c, std::string_view email) const;
  // The accounts with these ids, by id; unknown ids are left out.
  Result<std::map<int64_t, Person>> People(db::Connection& c, const std::vector<int64_t>& ids) const;
  // The accounts holding `role` for exactly `scope`, by display name, then id.
  Result<std::vector<Person>> Holders(db::Connection& c, auth::Role role, std::string_view scope) const;
  // Grants `role` for `scope` to `user_id`, recording `actor` and `now` in the
  // audit trail. Returns false when the account had it already. Only the
  // roles other features scope to their own things may be given this way
  // (IsFeatureScoped); others: kForbidden.
  Result<bool> Grant(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope, int64_t actor,
                     int64_t now) const;
  // Takes the role back; false when the account did not have it. Errors as Grant.
  Result<bool> Revoke(db::Connection& c, int64_t user_id, auth::Role role, const std::string& scope, int64_t actor,
                      int64_t now) const;

  // True for the roles another feature scopes to one of its things: a
  // kernteam member or a member of one platform.
  static bool IsFeatureScoped(auth::Role role);
};

}  // namespace wp::accounts
