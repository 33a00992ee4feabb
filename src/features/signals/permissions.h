// Who may do what with signals. Handling is for municipal staff
// (auth::Role::kMunicipalStaff) within the scope of their grant, and for
// administrators. A staff grant's scope is one of:
//   ""                           every signal
//   "afdeling:<department>"      the signals of that department
//   "<stadsdeel-slug>"           the signals in that stadsdeel
//   "afdeling:<department>/<stadsdeel-slug>"   both at once
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"

namespace wp::signals {

// What a staff scope covers; an empty part covers everything.
struct StaffScope {
  std::string department;
  std::string borough;
  bool operator==(const StaffScope&) const = default;
};
// The scope text of a grant, parsed. nullopt for a malformed scope (an empty
// department or stadsdeel after its separator).
std::optional<StaffScope> ParseStaffScope(std::string_view scope);
// The grant scope text for a department, a stadsdeel, or both.
std::string StaffScopeText(const StaffScope& scope);

// The scopes of `user`'s staff grants (administrators: one scope covering
// everything); empty when the user handles no signals.
std::vector<StaffScope> HandlingScopes(const auth::User& user);

// True when `user` may handle a signal of `department` in stadsdeel `borough`:
// read its reporter's contact, notes and history; change status, assign,
// write notes and messages, merge, forward.
bool CanHandle(const auth::User& user, std::string_view department, std::string_view borough);
// True when `user` handles signals anywhere (the work queue link).
bool CanUseWorkQueue(const auth::User& user);
// Administrators edit the category tree and the departments.
bool CanManageCategories(const auth::User& user);
// The trends of a platform's area: its kernteam (kernteam grant scoped to
// `platform_scope`, the platform id as text), gebiedsverbinders of its
// stadsdeel `borough`, staff and administrators.
bool CanViewTrends(const auth::User& user, std::string_view platform_scope, std::string_view borough);
// Report on behalf of a platform: its kernteam members.
bool CanReportForPlatform(const auth::User& user, std::string_view platform_scope);

}  // namespace wp::signals
