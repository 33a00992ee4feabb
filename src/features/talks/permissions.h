// Who may do what with the rounds of talks. Officials plan and record: the
// gebiedsverbinder of the platform's stadsdeel (auth::Role::kAreaLiaison
// scoped to the stadsdeel; an unscoped grant for every stadsdeel) and
// administrators. A platform's kernteam (kKernteamMember scoped to the
// platform id as text) proposes agenda items and reads the draft minutes and
// agreements. Everyone reads the agenda, and the minutes and agreements once
// the meeting is held. Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"

namespace wp::talks {

// True when `user` plans and records the meetings of platforms in stadsdeel `borough`.
bool CanPlan(const auth::User& user, std::string_view borough);
// True when `user` plans a round for the whole city (administrators, an unscoped gebiedsverbinder).
bool CanPlanCity(const auth::User& user);
// True when `user` plans meetings anywhere (the officials' page).
bool IsPlanner(const auth::User& user);
// True when `user` is on the kernteam of the platform with role scope `platform_scope`.
bool IsKernteam(const auth::User& user, std::string_view platform_scope);
// True when `user` proposes agenda items and reads drafts for the platform:
// its kernteam, or an official who plans its meetings.
bool CanTakePart(const auth::User& user, std::string_view platform_scope, std::string_view borough);

}  // namespace wp::talks
